using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Provenance.Text;

namespace Provenance.Quality;

/// <summary>
/// One article of the BuzzFeed-Webis 2016 development half, as an article file would hold it: the
/// annotated paragraphs joined by blank lines, with the corpus authors' quote spans moved into that
/// text.
/// </summary>
/// <param name="Id">The corpus id ("0004").</param>
/// <param name="Uri">Where it was published.</param>
/// <param name="Text">The paragraphs joined by blank lines.</param>
/// <param name="Quotes">The annotated quote spans, in <paramref name="Text"/>, without their quotation marks.</param>
/// <param name="QuoteStarts">Each quote's start in the corpus's own <c>mainText</c>, the key the labelled fixture uses.</param>
public sealed record DevArticle(string Id, Uri Uri, string Text, ImmutableArray<TextSpan> Quotes, ImmutableArray<int> QuoteStarts)
{
    /// <summary>The publisher's host without "www." (edition.cnn.com stays as it is).</summary>
    public string Host => Uri.Host.StartsWith("www.", StringComparison.Ordinal) ? Uri.Host[4..] : Uri.Host;
}

/// <summary>Reads the development articles from <c>articles.jsonl</c>.</summary>
public static class DevCorpus
{
    /// <summary>Reads every article of the file.</summary>
    public static ImmutableArray<DevArticle> Read(string path)
    {
        var articles = ImmutableArray.CreateBuilder<DevArticle>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                articles.Add(FromJson(document.RootElement));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or UriFormatException)
            {
                throw new InvalidDataException($"{path}({number}): not a corpus article: {ex.Message}", ex);
            }
        }

        return articles.ToImmutable();
    }

    /// <summary>Builds an article from one line of the corpus.</summary>
    public static DevArticle FromJson(JsonElement root)
    {
        var main = root.GetProperty("mainText").GetString() ?? string.Empty;
        var paragraphs = root.GetProperty("paragraphs").EnumerateArray()
            .Select(p => (Start: p.GetProperty("start").GetInt32(), End: p.GetProperty("end").GetInt32()))
            .Where(p => p.End > p.Start && p.Start >= 0 && p.End <= main.Length)
            .ToList();
        var (text, map) = Join(main, paragraphs);
        var quotes = ImmutableArray.CreateBuilder<TextSpan>();
        var starts = ImmutableArray.CreateBuilder<int>();
        foreach (var quote in root.GetProperty("quotes").EnumerateArray())
        {
            var (start, end) = (quote.GetProperty("start").GetInt32(), quote.GetProperty("end").GetInt32());
            if (end <= start || start < 0 || end > main.Length)
            {
                continue;
            }

            var (from, to) = (map(start, false), map(end, true));
            if (to > from)
            {
                quotes.Add(TextSpan.FromBounds(from, to));
                starts.Add(start);
            }
        }

        return new DevArticle(root.GetProperty("id").GetString()!, new Uri(root.GetProperty("uri").GetString()!), text, quotes.ToImmutable(), starts.ToImmutable());
    }

    /// <summary>
    /// Joins the paragraphs with blank lines and returns a map from an offset of the corpus text to
    /// the joined text (an offset between paragraphs goes to the next paragraph's start, or, for an
    /// end, to the previous one's end). The corpus sometimes leaves a quotation's opening mark at the
    /// end of the paragraph before it ("… who told CNN: “" / "It's …"); that mark is moved to the
    /// paragraph it opens, as the article printed it.
    /// </summary>
    public static (string Text, Func<int, bool, int> Map) Join(string main, IReadOnlyList<(int Start, int End)> paragraphs)
    {
        var text = new StringBuilder(main.Length + (paragraphs.Count * 2));
        var segments = new List<(int SourceStart, int SourceEnd, int Target)>();
        var carried = -1;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var (start, end) = paragraphs[i];
            while (start < end && char.IsWhiteSpace(main[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(main[end - 1]))
            {
                end--;
            }

            var moveMark = i + 1 < paragraphs.Count && end - start > 1 && IsOpeningMark(main, start, end);
            var mark = -1;
            if (moveMark)
            {
                mark = end - 1;
                end--;
                while (end > start && char.IsWhiteSpace(main[end - 1]))
                {
                    end--;
                }
            }

            if (end <= start && carried < 0)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            if (carried >= 0)
            {
                segments.Add((carried, carried + 1, text.Length));
                text.Append(main[carried]);
                carried = -1;
            }

            segments.Add((start, end, text.Length));
            text.Append(main, start, end - start);
            carried = mark;
        }

        var ordered = segments.OrderBy(s => s.SourceStart).ToArray();
        return (text.ToString(), (offset, isEnd) =>
        {
            // The segment holding the offset (for an end, the one holding the character before it).
            var probe = isEnd ? offset - 1 : offset;
            foreach (var (sourceStart, sourceEnd, target) in ordered)
            {
                if (probe >= sourceStart && probe < sourceEnd)
                {
                    return target + (offset - sourceStart);
                }
            }

            // Between segments: a start goes forward to the next one, an end back to the last one.
            if (isEnd)
            {
                var before = ordered.LastOrDefault(s => s.SourceEnd <= offset);
                return before == default ? 0 : before.Target + (before.SourceEnd - before.SourceStart);
            }

            var after = ordered.FirstOrDefault(s => s.SourceStart >= offset);
            return after == default ? text.Length : after.Target;
        });
    }

    // A paragraph ending in an opening quotation mark: a curly opening mark, or a straight one after
    // white space or a colon (a closing straight mark follows a letter or punctuation).
    private static bool IsOpeningMark(string main, int start, int end)
    {
        var last = main[end - 1];
        if (last == '“')
        {
            return true;
        }

        return last == '"' && end - 2 >= start && (char.IsWhiteSpace(main[end - 2]) || main[end - 2] == ':');
    }
}
