using Provenance.Articles;
using Provenance.Corpus;
using Provenance.Tests;

namespace Provenance.Core.Tests.Corpus;

/// <summary>
/// Slim prints, their samples alone, as a run that looks for copies holds them: the finder makes
/// whole again, from their articles read anew, only the prints it measures, and finds the very
/// same pairs; a print whose article is no longer the text printed takes no part.
/// </summary>
public sealed class SlimPrintTests
{
    // The saved real pages (one saved twice) and the samples, with a rewrite of one sample (a new
    // headline, its paragraphs in another order, a promotion) and an excerpt of another.
    private static Dictionary<string, Article> Articles()
    {
        var articles = new Dictionary<string, Article>(StringComparer.Ordinal);
        foreach (var page in RepoPaths.TestPages)
        {
            var name = Path.GetFileName(Path.GetDirectoryName(page))!;
            articles[name] = Article.FromHtml(File.ReadAllText(page), name);
        }

        foreach (var sample in Directory.GetFiles(RepoPaths.Samples, "*.txt").Order(StringComparer.Ordinal))
        {
            articles[Path.GetFileName(sample)] = Article.FromText(File.ReadAllText(sample), Path.GetFileName(sample));
        }

        var body = File.ReadAllText(RepoPaths.Sample("hezbollah-original-source-cnn.txt")).Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        var shuffled = body.Select((p, i) => (p, Key: (i * 7) % body.Count)).OrderBy(x => x.Key).Select(x => x.p).ToList();
        shuffled.Insert(2, "Get the best deals on travel insurance today: sign up for our newsletter and save 20% on your first trip.");
        articles["rewrite.txt"] = Article.FromText(string.Join("\n\n", ["Israel strikes deep in Lebanon as tensions rise", .. shuffled]), "rewrite.txt");
        var lines = File.ReadAllText(RepoPaths.Sample("gaza-second-phase-blog.txt")).Split('\n');
        articles["excerpt.txt"] = Article.FromText(string.Join("\n\n", ["Gaza talks: what we know", .. lines.Skip(3).Take(2)]), "excerpt.txt");
        return articles;
    }

    // Slim unless its samples were seen before: by default in a run of its own, where none were.
    private static TextPrint? Slim(Article article, SeenSamples? seen = null) => TextPrint.Of(article, null, held: false, seen ?? new SeenSamples(1));

    [Fact]
    public void Slim_prints_give_the_very_pairs_whole_ones_give_and_only_those_measured_are_made_whole()
    {
        var articles = Articles();
        var seen = new SeenSamples(articles.Count);
        var whole = new CopyFinder();
        var remade = new List<string>();
        var slim = new CopyFinder
        {
            Remake = print =>
            {
                lock (remade)
                {
                    remade.Add(print.Path);
                }

                return TextPrint.Of(articles[print.Path]);
            },
        };
        foreach (var article in articles.Values)
        {
            if (TextPrint.Of(article) is { } print)
            {
                whole.Add(print);
                var held = Slim(article, seen).ShouldNotBeNull();
                held.Samples.ShouldBe(print.Samples);
                held.Words.ShouldBe(print.Words);
                slim.Add(held);
            }
        }

        var expected = whole.FindPairs();
        expected.Count.ShouldBe(3, "the page saved twice, the rewrite and the excerpt");
        slim.FindPairs().ShouldBe(expected);

        // The copy of each pair, printed after its original and finding its samples seen, was
        // kept whole; each original was held slim and read again, once; no other article was.
        remade.ShouldBe(["hezbollah-original-source-cnn.txt", "gaza-second-phase-blog.txt", "lifehacker-post-comment-load"], ignoreOrder: true);
    }

    [Fact]
    public void Samples_seen_before_tell_a_copy_and_chance_seldom_does_among_twenty_thousand_unrelated_articles()
    {
        // Two hundred random samples an article, as a print of some eight hundred words has.
        var random = new Random(33);
        var seen = new SeenSamples(20_000);
        var articles = Enumerable.Range(0, 20_000).Select(_ => Enumerable.Range(0, 200).Select(_ => (ulong)random.NextInt64() << 2).Order().Distinct().ToArray()).ToList();
        articles.Count(a => seen.SeenBefore(a)).ShouldBeLessThanOrEqualTo(20, "chance keeps at most one print in a thousand whole");

        // A copy with a third of an article's samples, and an excerpt of thirty.
        seen.SeenBefore([.. articles[5][..70], .. articles[6][70..]]).ShouldBeTrue();
        seen.SeenBefore([.. articles[7][..30], .. Enumerable.Range(0, 20).Select(_ => (ulong)random.NextInt64() << 2)]).ShouldBeTrue();
        seen.SeenBefore([.. Enumerable.Range(0, 200).Select(_ => (ulong)random.NextInt64() << 2)]).ShouldBeFalse();
    }

    [Fact]
    public void A_print_whose_article_changed_before_the_search_takes_no_part_and_the_others_are_still_found()
    {
        var articles = Articles();
        var rewrite = articles["rewrite.txt"];
        var finder = new CopyFinder
        {
            Remake = print => print.Path switch
            {
                // Edited between its check and the search: another text under the same path.
                "rewrite.txt" => TextPrint.Of(Article.FromText(rewrite.Source.Text.Replace("Lebanon", "Syria", StringComparison.Ordinal), "rewrite.txt")),
                // Deleted: it cannot be read again.
                "excerpt.txt" => null,
                _ => TextPrint.Of(articles[print.Path]),
            },
        };
        foreach (var article in articles.Values)
        {
            if (Slim(article) is { } print)
            {
                finder.Add(print);
            }
        }

        finder.FindClusters().ShouldHaveSingleItem().Paths.ShouldBe(["lifehacker-post-comment-load", "lifehacker-working"]);
    }

    [Fact]
    public void A_search_on_several_threads_finds_the_very_pairs_one_thread_finds()
    {
        // Enough samples (over a million) for the postings to be counted and dealt in ranges on
        // every thread, and enough candidates and identical texts to measure and key in parallel:
        // every tenth text shares most of the one before it, every fiftieth is the one before.
        var random = new Random(34);
        var texts = new List<ulong[]>();
        for (var i = 0; i < 5_200; i++)
        {
            var shingles = Enumerable.Range(0, 900).Select(_ => (ulong)random.NextInt64()).ToArray();
            if (i % 50 == 49)
            {
                shingles = texts[^1];
            }
            else if (i % 10 == 9)
            {
                Array.Copy(texts[^1], shingles, 600);
            }

            texts.Add(shingles);
        }

        IReadOnlyList<CopyPair> Pairs(int jobs)
        {
            var finder = new CopyFinder { Jobs = jobs };
            for (var i = 0; i < texts.Count; i++)
            {
                var lines = Enumerable.Repeat(1, texts[i].Length).ToArray();
                finder.Add(TextPrint.Restore($"t{i}", texts[i].Length + TextPrint.ShingleWords - 1, texts[i], lines, lines));
            }

            return finder.FindPairs();
        }

        var alone = Pairs(1);
        alone.Count.ShouldBe(520, "each tenth text pairs with the one before it (every fifth of them the very same text)");
        alone.Count(p => p.SameText).ShouldBe(104);
        Pairs(4).ShouldBe(alone);
    }

    [Fact]
    public void A_short_text_is_printed_whole_and_a_slim_print_with_no_way_to_make_it_whole_is_refused_when_measured()
    {
        // Under eight samples, a text's group key is its whole set's: it is kept whole.
        Slim(Article.FromText("A headline\n\nThe council met on Tuesday to agree the budget for the coming year and the new roads.", "short.txt"))
            .ShouldNotBeNull().IsWhole.ShouldBeTrue();

        var original = Article.FromText(File.ReadAllText(RepoPaths.Sample("hezbollah-original-source-cnn.txt")), "a.txt");
        var copy = Article.FromText(original.Source.Text, "b.txt");
        var finder = new CopyFinder();
        finder.Add(Slim(original).ShouldNotBeNull());
        finder.Add(Slim(copy).ShouldNotBeNull());
        Should.Throw<InvalidOperationException>(finder.FindPairs).Message.ShouldContain("a.txt");
    }
}
