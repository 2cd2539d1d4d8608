using System.Text;
using Provenance.Articles;
using Provenance.Tests;

namespace Provenance.Core.Tests.Analysis;

/// <summary>
/// Seeded random articles through every reader and the engine: random Unicode, random markup and
/// mutated samples. No exception may escape, every location must lie inside the file, every
/// finding's text must be the file's text at its span, and the same input must give the same
/// output. A failure names its seed, so it can be replayed.
/// </summary>
public sealed class RandomizedTests
{
    private const int Cases = 1500;
    private static readonly Lazy<ProvenanceChecker> Checker = new(ProvenanceChecker.CreateDefault);
    private static readonly string[] Samples = [.. Directory.GetFiles(RepoPaths.Samples, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText)];
    private static readonly string[] Pieces =
    [
        "<p>", "</p>", "<div class=\"comments\">", "</div>", "<!--", "-->", "<!-- provenance-disable PRV2003 -->", "&amp;", "&#x1F600;", "&bogus", "<script>", "</script>",
        "---\n", "title: [", "# ", "> ", "- ", "[link](http://x.example.com)", "“", "”", "\"", "\r\n", "\n\n", "\t", "\0", "\uFFFD", "\u00A0", "\uD83D",
        "Original Source: www.cnn.com", "According to sources familiar with the talks", "Leave a Reply", "said Jane Doe", "reportedly", "By Jane Doe",
    ];

    [Theory]
    [InlineData(ArticleFormat.Text)]
    [InlineData(ArticleFormat.Markdown)]
    [InlineData(ArticleFormat.Html)]
    public void Random_articles_never_break_the_readers_or_the_engine(ArticleFormat format)
    {
        for (var seed = 1; seed <= Cases; seed++)
        {
            var text = Generate(new Random(seed * 7919 + (int)format));
            try
            {
                Verify(text, format);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new InvalidOperationException($"seed {seed} ({format}) failed: {ex.Message}\n--- input ---\n{Escape(text)}", ex);
            }
        }
    }

    private static void Verify(string text, ArticleFormat format)
    {
        var article = Article.Read(text, format, "random");
        foreach (var block in article.Blocks)
        {
            (block.SourceSpan.Start >= 0 && block.SourceSpan.End <= text.Length).ShouldBeTrue("a block lies outside the file");
        }

        var first = Checker.Value.Check(article, TestContext.Current.CancellationToken);
        foreach (var finding in first.Analysis.Findings)
        {
            (finding.Span.Start >= 0 && finding.Span.End <= text.Length).ShouldBeTrue($"{finding.RuleId} lies outside the file");
            finding.MatchedText.ShouldBe(text.Substring(finding.Span.Start, finding.Span.Length));
            finding.Location.Start.Line.ShouldBeInRange(1, article.Source.LineCount);
        }

        first.Scorecard.Score.ShouldBeInRange(0, 100);
        first.Scorecard.Contributions.Sum(c => c.Points).ShouldBe(first.Scorecard.Score);
        var second = Checker.Value.Check(Article.Read(text, format, "random"), TestContext.Current.CancellationToken);
        second.Analysis.Findings.Select(f => (f.RuleId, f.Span, f.Message)).ShouldBe(first.Analysis.Findings.Select(f => (f.RuleId, f.Span, f.Message)));
    }

    private static string Generate(Random random)
    {
        var text = new StringBuilder();
        switch (random.Next(3))
        {
            case 0:
                // A sample with random cuts, insertions and swaps.
                text.Append(Samples[random.Next(Samples.Length)]);
                for (var i = random.Next(1, 12); i > 0 && text.Length > 0; i--)
                {
                    var at = random.Next(text.Length);
                    switch (random.Next(3))
                    {
                        case 0: text.Remove(at, Math.Min(random.Next(1, 200), text.Length - at)); break;
                        case 1: text.Insert(at, Pieces[random.Next(Pieces.Length)]); break;
                        default: text[at] = (char)random.Next(1, 0xFFFF); break;
                    }
                }

                break;
            case 1:
                // Markup soup.
                for (var i = random.Next(1, 60); i > 0; i--)
                {
                    text.Append(Pieces[random.Next(Pieces.Length)]);
                    if (random.Next(3) == 0)
                    {
                        text.Append(Samples[random.Next(Samples.Length)].AsSpan(0, random.Next(1, 200)));
                    }
                }

                break;
            default:
                // Random Unicode, surrogates and controls included.
                for (var i = random.Next(0, 400); i > 0; i--)
                {
                    text.Append((char)(random.Next(4) == 0 ? random.Next(0, 0x80) : random.Next(0, 0x10000)));
                }

                break;
        }

        return text.ToString();
    }

    private static string Escape(string text) => text.Length > 2000 ? text[..2000] + "…" : text.Replace("\0", "\\0", StringComparison.Ordinal);
}
