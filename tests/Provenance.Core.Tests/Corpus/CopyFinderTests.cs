using Provenance.Articles;
using Provenance.Corpus;
using Provenance.Tests;

namespace Provenance.Core.Tests.Corpus;

/// <summary>
/// Finding copies among articles, on real text: the seed samples and the saved real pages, and
/// rewrites of a sample made as aggregators make them (a new headline, sentences shuffled, a
/// promotional paragraph inserted, an excerpt).
/// </summary>
public sealed class CopyFinderTests
{
    private static readonly string[] Samples = [.. Directory.GetFiles(RepoPaths.Samples, "*.txt").Order(StringComparer.Ordinal)];

    [Fact]
    public void The_five_samples_share_no_text_though_two_are_on_the_same_war()
    {
        var finder = new CopyFinder();
        foreach (var sample in Samples)
        {
            finder.Add(Print(File.ReadAllText(sample), Path.GetFileName(sample)));
        }

        finder.Count.ShouldBe(5);
        finder.FindPairs().ShouldBeEmpty();
    }

    [Fact]
    public void A_rewrite_with_a_new_headline_shuffled_sentences_and_a_promotion_inserted_is_found_with_where_it_is()
    {
        var original = File.ReadAllText(RepoPaths.Sample("hezbollah-original-source-cnn.txt"));
        var paragraphs = original.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        var body = paragraphs.Skip(1).ToList();
        var shuffled = body.Select((p, i) => (p, Key: (i * 7) % body.Count)).OrderBy(x => x.Key).Select(x => x.p).ToList();
        shuffled.Insert(2, "Get the best deals on travel insurance today: sign up for our newsletter and save 20% on your first trip.");
        var rewrite = string.Join("\n\n", ["Israel strikes deep in Lebanon as tensions rise", .. shuffled]);

        var finder = new CopyFinder();
        finder.Add(Print(original, "cnn.txt"));
        finder.Add(Print(rewrite, "aggregator.txt"));
        finder.Add(Print(File.ReadAllText(RepoPaths.Sample("miami-restraint-spun.txt")), "other.txt"));
        var pair = finder.FindPairs().ShouldHaveSingleItem();
        (pair.First, pair.Second).ShouldBe(("cnn.txt", "aggregator.txt"));
        pair.FirstShare.ShouldBeGreaterThan(0.8);
        pair.SecondShare.ShouldBeGreaterThan(0.7);
        pair.FirstLines.First.ShouldBe(3, "the shared text starts under the headline");
        finder.FindClusters().ShouldHaveSingleItem().Paths.ShouldBe(["cnn.txt", "aggregator.txt"]);
    }

    [Fact]
    public void An_excerpt_is_a_copy_of_the_long_text_it_comes_from_though_a_small_share_of_it()
    {
        var original = File.ReadAllText(RepoPaths.Sample("gaza-second-phase-blog.txt"));
        // The sample's paragraphs are one a line: lines 4 and 5 are the story's first two.
        var lines = original.Split('\n');
        var excerpt = string.Join("\n\n", ["Gaza talks: what we know", .. lines.Skip(3).Take(2)]);
        var finder = new CopyFinder();
        finder.Add(Print(original, "blog.txt"));
        finder.Add(Print(excerpt, "excerpt.txt"));
        var pair = finder.FindPairs().ShouldHaveSingleItem();
        pair.SecondShare.ShouldBe(1.0);
        pair.FirstShare.ShouldBeLessThan(0.6);
        pair.SecondLines.ShouldBe(new LineRange(3, 5));
        pair.FirstLines.ShouldBe(new LineRange(4, 5));
    }

    [Fact]
    public void A_story_run_unchanged_many_times_is_one_group_paired_with_its_first_and_a_short_stub_is_no_copy()
    {
        var story = File.ReadAllText(RepoPaths.Sample("gaza-blinken-dated.txt"));
        var finder = new CopyFinder();
        for (var i = 0; i < 30; i++)
        {
            finder.Add(Print(story, $"site{i:00}.txt"));
        }

        // Scraped pages that kept only a redirect notice: the same words, far too few to be a copy.
        finder.Add(Print("Moved\n\nThe document has moved here, please follow the link.", "stub1.txt"));
        finder.Add(Print("Moved\n\nThe document has moved here, please follow the link.", "stub2.txt"));
        var pairs = finder.FindPairs();
        pairs.Count.ShouldBe(29);
        pairs.ShouldAllBe(p => p.First == "site00.txt" && p.FirstShare == 1 && p.SecondShare == 1);
        finder.FindClusters().ShouldHaveSingleItem().Paths.Count.ShouldBe(30);
    }

    [Fact]
    public void Versions_that_differ_in_one_word_are_copies_of_each_other_and_only_the_very_same_texts_are_identical()
    {
        // A template run by many sites with its own first word each (most such words sit in no
        // sample, so the versions share every sample): the same text twice is one pair of
        // identical texts, the rest are measured.
        var story = File.ReadAllText(RepoPaths.Sample("gaza-blinken-dated.txt"));
        var lines = story.Split('\n');
        var body = Array.FindIndex(lines, l => l.Length > 200);
        var finder = new CopyFinder();
        for (var i = 0; i < 40; i++)
        {
            var version = (string[])lines.Clone();
            version[body] = $"Site{i % 20}word {version[body]}";
            finder.Add(Print(string.Join('\n', version), $"v{i:00}.txt"));
        }

        var pairs = finder.FindPairs();
        var identical = pairs.Where(p => p.FirstShare == 1 && p.SecondShare == 1).Select(p => (p.First, p.Second)).ToList();
        identical.ShouldBe(Enumerable.Range(0, 20).Select(i => ($"v{i:00}.txt", $"v{i + 20:00}.txt")).ToList(), ignoreOrder: true);
        pairs.Count.ShouldBeGreaterThan(20);
        finder.FindClusters().ShouldHaveSingleItem().Paths.Count.ShouldBe(40);
    }

    [Fact]
    public void Articles_joined_through_a_third_are_one_group_though_the_first_and_last_share_nothing()
    {
        // Real paragraphs of one sample (fifty words or so each), chained: a = 1+2, b = 2+3, c = 3+4.
        var paragraphs = File.ReadAllText(RepoPaths.Sample("gaza-second-phase-blog.txt")).Split('\n').Where(l => l.Length > 250).Take(4).ToList();
        paragraphs.Count.ShouldBe(4);
        var finder = new CopyFinder(new CopyOptions(MinShare: 0.3));
        // A short line under each headline, so that no shared paragraph is taken for a standfirst.
        finder.Add(Print($"A\n\nFiled on Monday.\n\n{paragraphs[0]}\n\n{paragraphs[1]}", "a.txt"));
        finder.Add(Print($"B\n\nFiled on Monday.\n\n{paragraphs[1]}\n\n{paragraphs[2]}", "b.txt"));
        finder.Add(Print($"C\n\nFiled on Monday.\n\n{paragraphs[2]}\n\n{paragraphs[3]}", "c.txt"));
        var cluster = finder.FindClusters().ShouldHaveSingleItem();
        cluster.Paths.ShouldBe(["a.txt", "b.txt", "c.txt"]);
        cluster.Pairs.Select(p => (p.First, p.Second)).ShouldBe([("a.txt", "b.txt"), ("b.txt", "c.txt")]);
    }

    [Fact]
    public void Six_hundred_copies_each_with_a_line_of_its_own_are_still_one_group()
    {
        // Every sample is then in more articles than the finder pairs all of: each joins the first.
        var story = File.ReadAllText(RepoPaths.Sample("gaza-blinken-dated.txt"));
        var finder = new CopyFinder();
        for (var i = 0; i < 600; i++)
        {
            finder.Add(Print($"{story}\n\nThis copy was posted by reader number {i} of the forum, who added nothing else of note.", $"copy{i:000}.txt"));
        }

        finder.FindClusters().ShouldHaveSingleItem().Paths.Count.ShouldBe(600);
    }

    [Fact]
    public void A_path_is_added_once_and_thresholds_outside_their_range_are_refused()
    {
        var finder = new CopyFinder();
        finder.Add(Print(File.ReadAllText(RepoPaths.Sample("gaza-blinken-dated.txt")), "a.txt"));
        Should.Throw<ArgumentException>(() => finder.Add(Print(File.ReadAllText(RepoPaths.Sample("gaza-blinken-dated.txt")), "a.txt"))).Message.ShouldContain("'a.txt' was added already");
        Should.Throw<ArgumentOutOfRangeException>(() => new CopyFinder(new CopyOptions(MinShare: double.NaN)));
        Should.Throw<ArgumentOutOfRangeException>(() => new CopyFinder(new CopyOptions(MinShare: 0)));
        Should.Throw<ArgumentOutOfRangeException>(() => new CopyFinder(new CopyOptions(MinShingles: 0)));
    }

    [Fact]
    public void Apostrophe_style_composed_accents_case_and_soft_hyphens_do_not_make_a_copy_different()
    {
        const string Plain = "The caf\u00e9 owner said it wasn't the council's plan, and the mayor's office did not reply to questions on Monday.";
        var styled = "The CAFE\u0301 owner said it wasn\u2019t the coun\u00adcil\u2018s plan, and the mayor\u02BCs office did not reply to questions on Monday.";
        var a = Print($"Title\n\n{Plain}", "a.txt");
        var b = Print($"Title\n\n{styled}", "b.txt");
        b.Words.ShouldBe(a.Words);
        b.Distinct.ShouldBe(a.Distinct);
    }

    [Fact]
    public void Two_texts_that_share_one_sentence_are_not_copies()
    {
        var sentence = "The ministry said on Monday that the talks would resume next week in Cairo with both delegations present.";
        var finder = new CopyFinder();
        finder.Add(Print(File.ReadAllText(RepoPaths.Sample("hezbollah-original-source-cnn.txt")) + "\n\n" + sentence, "a.txt"));
        finder.Add(Print(File.ReadAllText(RepoPaths.Sample("ceasefire-banxchange.txt")) + "\n\n" + sentence, "b.txt"));
        finder.FindPairs().ShouldBeEmpty();
    }

    [Fact]
    public void Among_the_saved_real_pages_only_the_one_page_saved_twice_is_a_copy_pages_of_one_site_are_not()
    {
        // nytimes-1/2, wapo-1/2, yahoo-1/2/3 and wikipedia-2/3/4 share each site's navigation and
        // footers; lifehacker-working is lifehacker-post-comment-load saved again.
        var finder = new CopyFinder();
        foreach (var page in RepoPaths.TestPages)
        {
            if (TextPrint.Of(Article.FromHtml(File.ReadAllText(page), Path.GetFileName(Path.GetDirectoryName(page))!)) is { } print)
            {
                finder.Add(print);
            }
        }

        finder.Count.ShouldBeGreaterThan(70);
        finder.FindClusters().ShouldHaveSingleItem().Paths.ShouldBe(["lifehacker-post-comment-load", "lifehacker-working"]);
    }

    [Fact]
    public void A_print_is_the_same_in_every_process_and_leaves_out_the_headline_and_the_footer_zone()
    {
        var text = File.ReadAllText(RepoPaths.Sample("hezbollah-original-source-cnn.txt"));
        var print = Print(text, "a.txt");
        var retitled = Print("A different headline altogether\n\n" + string.Join("\n\n", text.Split("\n\n").Skip(1)), "b.txt");
        retitled.Samples.ShouldBe(print.Samples);
        print.Samples.Length.ShouldBeGreaterThan(5);
        const string Body = "The council met on Monday to discuss the budget for the coming year in full.";
        const string Bio = "Jane Roe is a reporter for the Example Times covering city hall and the budget.";
        var source = $"{Body}\n\n{Bio}";
        var article = new Article("f.txt", ArticleFormat.Text, new Provenance.Text.SourceText(source), [
            new Block(BlockKind.Paragraph, Zone.Main, Body, SourceMap.Identity(new Provenance.Text.TextSpan(0, Body.Length))),
            new Block(BlockKind.Paragraph, Zone.Footer, Bio, SourceMap.Identity(new Provenance.Text.TextSpan(Body.Length + 2, Bio.Length)))], ArticleMetadata.Empty);
        TextPrint.Of(article)!.Words.ShouldBe(15, "the bio in the footer zone is not the article's text");
        // Fixed hashes: a change to them would make prints stored by one version incomparable with the next.
        TextPrint.Mix(1).ShouldBe(0x5692161D100B05E5UL);
        Print("T\n\nOne two three four five.", "pin.txt").Shingles.ShouldBe([PinnedShingle]);
        TextPrint.Of(Article.FromText("Too short\n\nFour words only here.", "c.txt")).ShouldBeNull();
    }

    private const ulong PinnedShingle = 10051199932238415316UL;

    [Fact]
    public void Words_of_capitals_digits_and_apostrophes_hash_as_they_always_have()
    {
        // Pinned from the hashing before plain ASCII words were hashed as they are read: every
        // kind of ASCII character a word holds, and the characters that end one.
        Print("T\n\nIt's 2016: O'Brien QUOTED Zebra-9 x_y, 'quoted' end's.", "pin.txt").Shingles.ShouldBe(PinnedMixed);
    }

    private static readonly ulong[] PinnedMixed = [7141725370483807984UL, 4809481295760068102UL, 17275785026288720318UL, 9604149975042832624UL, 5334735178082544917UL, 9405167704185335473UL];

    [Fact]
    public void The_quick_test_an_archive_search_makes_first_agrees_with_the_exact_measure()
    {
        // Pairs that are copies (an excerpt, the same text) and pairs that are not (the samples
        // with each other, a text sharing one sentence), each way round.
        var texts = Samples.Select(File.ReadAllText).ToArray();
        var cnn = texts.Single(t => t.Contains("Original Source: www.cnn.com", StringComparison.Ordinal));
        var paragraphs = cnn.Split("\n\n");
        var prints = texts.Select((t, i) => Print(t, $"s{i}.txt")).ToList();
        prints.Add(Print(string.Join("\n\n", ["Headline", .. paragraphs[1..3]]), "excerpt.txt"));
        prints.Add(Print(cnn, "same.txt"));
        prints.Add(Print($"A new story.\n\n{paragraphs[2].Split(". ")[0]}. Then something else happened in another town entirely, officials said on Monday.", "one-sentence.txt"));
        var finder = new CopyFinder();
        var (copies, others) = (0, 0);
        foreach (var a in prints)
        {
            foreach (var b in prints.Where(b => b != a))
            {
                var exact = finder.Measure(a, b) is not null;
                finder.Passes(a, b.Shingles, b.Distinct.Length).ShouldBe(exact, $"{a.Path} and {b.Path}");
                (copies, others) = exact ? (copies + 1, others) : (copies, others + 1);
            }
        }

        copies.ShouldBeGreaterThanOrEqualTo(6);
        others.ShouldBeGreaterThan(copies);
    }

    [Theory]
    [InlineData(500, 1000, 500)]
    [InlineData(501, 1000, null)]
    [InlineData(0, 1000, 1000)]
    [InlineData(900, 100, 100)]
    [InlineData(976, 24, null)]
    public void The_shared_count_is_exact_however_late_in_the_sets_the_shared_shingles_come(int offset, int count, int? expected)
    {
        // A thousand shingles against some of them, the shared ones at the end of the first set:
        // the merge may stop early only when what is left could not make the pair pass (half of
        // either text, and 25 shingles at least).
        var first = Enumerable.Range(0, 1000).Select(i => (ulong)i).ToArray();
        var second = Enumerable.Range(offset, count).Select(i => (ulong)i).ToArray();
        new CopyFinder().Shared(first, second).ShouldBe(expected);
    }

    [Fact]
    public void A_restored_print_has_each_shingles_lines_and_a_stored_one_that_contradicts_itself_is_refused()
    {
        // Seven words over three lines: shingles 0-2 start on words 0-2 and end on words 4-6.
        var print = TextPrint.Restore("a.txt", 7, [1, 2, 3], [1, 1, 2], [2, 3, 3]);
        Enumerable.Range(0, 3).Select(s => (print.StartLine(s), print.EndLine(s))).ShouldBe([(1, 2), (1, 3), (2, 3)]);
        print.ShingleLines().ShouldBe([1, 2, 3]);

        // One shingle of five words: its middle words are no shingle's first or last.
        var one = TextPrint.Restore("b.txt", 5, [1], [4], [6]);
        (one.StartLine(0), one.EndLine(0)).ShouldBe((4, 6));
        one.ShingleLines().ShouldBe([4, 6]);

        // Lines out of text order (a page's blocks out of order): still each line once, in order.
        var backwards = TextPrint.Restore("d.txt", 6, [1, 2], [5, 2], [7, 1]);
        Enumerable.Range(0, 2).Select(s => (backwards.StartLine(s), backwards.EndLine(s))).ShouldBe([(5, 7), (2, 1)]);
        backwards.ShingleLines().ShouldBe([1, 2, 5, 7]);

        // Shingle 0 ends on word 4, where shingle 4 starts: two different lines for one word.
        Should.Throw<ArgumentException>(() => TextPrint.Restore("c.txt", 9, [1, 2, 3, 4, 5], [1, 1, 1, 1, 2], [3, 3, 3, 3, 3]))
            .Message.ShouldContain("damaged");
    }

    [Fact]
    public void A_prints_lines_are_those_of_its_words()
    {
        var text = string.Join("\n", Enumerable.Range(1, 6).Select(i => $"Line {i} has words of its own here"));
        var print = Print(text, "lines.txt");
        var restored = TextPrint.Restore("lines.txt", print.Words, print.Shingles, [.. Enumerable.Range(0, print.Shingles.Length).Select(print.StartLine)], [.. Enumerable.Range(0, print.Shingles.Length).Select(print.EndLine)]);
        for (var s = 0; s < print.Shingles.Length; s++)
        {
            // Eight words a line; the first two lines are the headline and standfirst, which a print leaves out.
            print.StartLine(s).ShouldBe((s / 8) + 3);
            print.EndLine(s).ShouldBe(((s + 4) / 8) + 3);
            (restored.StartLine(s), restored.EndLine(s)).ShouldBe((print.StartLine(s), print.EndLine(s)));
        }
    }

    [Fact]
    public void A_paragraph_wrapped_over_several_lines_gives_each_word_its_own_line()
    {
        // Markdown paragraphs of three lines of four words, a blank line between them: each
        // paragraph is one block over three lines of the file, so its words' lines are looked up
        // one by one (a block on one line gives all its words that line).
        var paragraphs = Enumerable.Range(0, 4).Select(p => string.Join("\n", Enumerable.Range(0, 3).Select(l => $"word{p}{l}a word{p}{l}b word{p}{l}c word{p}{l}d")));
        var text = "# A headline for the test\n\n" + string.Join("\n\n", paragraphs);
        var print = TextPrint.Of(Article.Read(text, ArticleFormat.Markdown, "wrapped.md")).ShouldNotBeNull();
        print.Words.ShouldBe(48);

        // Word w is on line 3 + paragraph * 4 + line within it (headline, a blank line, then
        // three lines and a blank one for each paragraph).
        static int LineOf(int word) => 3 + ((word / 12) * 4) + (word % 12 / 4);
        for (var s = 0; s < print.Shingles.Length; s++)
        {
            (print.StartLine(s), print.EndLine(s)).ShouldBe((LineOf(s), LineOf(s + 4)));
        }
    }

    [Fact]
    public void A_page_with_each_paragraph_on_a_line_of_its_own_gives_its_words_that_line()
    {
        // Each element on one line, ending where the line does: every word of a paragraph is on
        // its line, the first word of the next on the next line.
        var paragraphs = Enumerable.Range(0, 4).Select(p => "<p>" + string.Join(" ", Enumerable.Range(0, 12).Select(w => $"word{p}x{w}")) + "</p>");
        var page = "<html><head><title>A page</title></head><body><article>\n<h1>A headline for the page</h1>\n" + string.Join("\n", paragraphs) + "\n</article></body></html>\n";
        var print = TextPrint.Of(Article.Read(page, ArticleFormat.Html, "page.html")).ShouldNotBeNull();
        print.Words.ShouldBe(48);
        static int LineOf(int word) => 3 + (word / 12);
        for (var s = 0; s < print.Shingles.Length; s++)
        {
            (print.StartLine(s), print.EndLine(s)).ShouldBe((LineOf(s), LineOf(s + 4)));
        }
    }

    private static TextPrint Print(string text, string path) => TextPrint.Of(Article.FromText(text, path)).ShouldNotBeNull();

    [Fact]
    public void Candidates_counted_short_of_what_they_need_are_left_out_and_those_a_capped_sample_may_have_left_short_are_kept_unsettled()
    {
        // Articles 0 and 1 share two samples, 0 and 2 three, 4 and 5 two and one more with 499
        // others, past the cap of 500: a sample so common counts from its first article only (3),
        // so 4's count with 5 is short of what they share.
        int[] capped = [.. Enumerable.Range(3, CopyFinder.MaxPosting + 1)];
        List<int[]> postings = [[0, 1], [0, 1], [0, 2], [0, 2], [0, 2], capped, [4, 5], [4, 5]];

        CopyFinder.Candidates(capped[^1] + 1, postings).ShouldBe([(0, 1, false), (0, 2, false), (4, 5, false)]);
        CopyFinder.Candidates(capped[^1] + 1, postings, (_, _) => 3).ShouldBe([(0, 2, true), (4, 5, false)]);
    }

    [Theory]
    [InlineData("spread")]
    [InlineData("repeated")]
    [InlineData("crowded")]
    public void Hashes_are_sorted_as_a_comparison_sort_sorts_them_however_they_crowd(string kind)
    {
        var random = new Random(7);
        ulong[] hashes = kind switch
        {
            "spread" => [.. Enumerable.Range(0, 1000).Select(_ => (ulong)random.NextInt64() * 3)],
            "repeated" => [.. Enumerable.Range(0, 1000).Select(i => TextPrint.Mix((ulong)(i % 7)))],
            // All in the lowest bucket, in descending order: insertion alone would be quadratic.
            _ => [.. Enumerable.Range(0, 1000).Select(i => (ulong)(1000 - i))],
        };
        var expected = hashes.Order().ToArray();

        TextPrint.SortHashes(hashes);

        hashes.ShouldBe(expected);
    }

    [Fact]
    public void Shingles_made_four_at_a_time_are_those_made_one_at_a_time()
    {
        // Only a processor that multiplies 64-bit lanes takes this way; the pinned hashes above
        // hold both ways to the same values across machines, this one every lane on this machine.
        Assert.SkipUnless(System.Runtime.Intrinsics.X86.Avx512DQ.VL.IsSupported, "this processor makes shingles one at a time");
        var random = new Random(11);
        ulong[] words = [.. Enumerable.Range(0, 27).Select(_ => (ulong)random.NextInt64())];
        var shingles = new ulong[words.Length - TextPrint.ShingleWords + 1];

        var made = TextPrint.ShinglesFourAtATime(words, shingles);

        made.ShouldBe(20);
        for (var s = 0; s < made; s++)
        {
            var hash = 0UL;
            for (var w = 0; w < TextPrint.ShingleWords; w++)
            {
                hash = TextPrint.Mix((hash * 31) + words[s + w]);
            }

            shingles[s].ShouldBe(hash, $"shingle {s}");
        }
    }
}
