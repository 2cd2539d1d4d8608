using Provenance.Corpus;

namespace Provenance.Core.Tests.Corpus;

/// <summary>Telling a group's likely original from its copies, as an editor would: who is credited, who was first, who has it all.</summary>
public sealed class CopyOriginsTests
{
    private static readonly CopyCluster Group = new(["aggregator.txt", "cnn.html", "blog.txt"], []);

    [Fact]
    public void The_original_is_the_article_the_others_credit_by_its_site_name_or_address()
    {
        var origin = CopyOrigins.Judge(Group, Facts(
            new CopyFacts("aggregator.txt", null, new DateOnly(2016, 9, 18), ["CNN (www.cnn.com)"], 700),
            new CopyFacts("cnn.html", "edition.cnn.com", new DateOnly(2016, 9, 19), [], 650),
            new CopyFacts("blog.txt", null, null, ["CNN"], 800)));
        origin.Original.ShouldBe("cnn.html");
        origin.Reason.ShouldBe("2 other articles of the group credit it");
        origin.Copies.Select(c => (c.Path, c.Credit, c.CreditsOriginal, c.Credited)).ShouldBe([("aggregator.txt", "CNN (www.cnn.com)", true, true), ("blog.txt", "CNN", true, true)]);
    }

    [Fact]
    public void Uncredited_the_earliest_dated_is_the_original_and_a_copy_naming_another_source_is_credited_but_not_to_it()
    {
        var origin = CopyOrigins.Judge(Group, Facts(
            new CopyFacts("aggregator.txt", null, new DateOnly(2016, 9, 20), [], 700),
            new CopyFacts("cnn.html", "edition.cnn.com", new DateOnly(2016, 9, 19), [], 650),
            new CopyFacts("blog.txt", null, null, ["Reuters"], 800)));
        origin.Original.ShouldBe("cnn.html");
        origin.Reason.ShouldBe("the earliest dated (2016-09-19)");
        origin.Copies.Single(c => c.Path == "aggregator.txt").Credited.ShouldBeFalse();
        origin.Copies.Single(c => c.Path == "blog.txt").ShouldBe(new CopyStanding("blog.txt", "Reuters", false));
    }

    [Fact]
    public void With_no_credit_and_no_single_earliest_date_the_fullest_text_is_the_original()
    {
        var origin = CopyOrigins.Judge(Group, Facts(
            new CopyFacts("aggregator.txt", null, new DateOnly(2016, 9, 19), [], 700),
            new CopyFacts("cnn.html", "edition.cnn.com", new DateOnly(2016, 9, 19), [], 650),
            new CopyFacts("blog.txt", null, null, [], 800)));
        origin.Original.ShouldBe("blog.txt");
        origin.Reason.ShouldStartWith("the fullest text (800 words)");
        origin.Copies.ShouldAllBe(c => !c.Credited);
    }

    [Fact]
    public void A_member_with_the_original_text_word_for_word_is_said_to_have_the_same_text()
    {
        var lines = new LineRange(1, 15);
        var group = new CopyCluster(["a.txt", "b.txt", "c.txt"], [new CopyPair("a.txt", "b.txt", 1, 1, 300, lines, lines), new CopyPair("a.txt", "c.txt", 0.9, 0.6, 270, lines, lines)]);
        var origin = CopyOrigins.Judge(group, Facts(new CopyFacts("a.txt", null, null, [], 360), new CopyFacts("b.txt", null, null, [], 360), new CopyFacts("c.txt", null, null, [], 500)));
        origin.Original.ShouldBe("c.txt");
        origin.Copies.Select(c => (c.Path, c.SameText)).ShouldBe([("a.txt", false), ("b.txt", false)]);
        var byA = CopyOrigins.Judge(group, Facts(new CopyFacts("a.txt", null, new DateOnly(2016, 9, 1), [], 360), new CopyFacts("b.txt", null, null, [], 360), new CopyFacts("c.txt", null, null, [], 500)));
        byA.Original.ShouldBe("a.txt");
        byA.Copies.Select(c => (c.Path, c.SameText)).ShouldBe([("b.txt", true), ("c.txt", false)]);
    }

    [Theory]
    [InlineData("www.bbc.co.uk", "news.bbc.co.uk", true)]
    [InlineData("edition.cnn.com", "www.cnn.com", true)]
    [InlineData("www.theguardian.co.uk", "www.dailymail.co.uk", false)]
    [InlineData("www.abc.net.au", "www.smh.com.au", false)]
    [InlineData("jane.blogspot.com", "john.blogspot.com", false)]
    [InlineData("BBC", "www.bbc.co.uk", true)]
    [InlineData("www.cnn.com", null, false)]
    public void Two_hosts_are_one_site_when_their_registered_domain_is(string one, string? other, bool same) =>
        CopyOrigins.SameSite(one, other).ShouldBe(same);

    [Fact]
    public void A_page_of_the_originals_own_site_is_no_uncredited_copy_and_the_same_text_is_blamed_only_across_known_sites()
    {
        var group = new CopyCluster(["a.html", "b.html", "c.html"], [
            new CopyPair("a.html", "b.html", 1, 1, 90, new LineRange(1, 9), new LineRange(1, 9)),
            new CopyPair("a.html", "c.html", 1, 1, 90, new LineRange(1, 9), new LineRange(1, 9)),
        ]);
        var origin = CopyOrigins.Judge(group, Facts(
            new CopyFacts("a.html", "www.bbc.co.uk", new DateOnly(2016, 9, 1), [], 500),
            new CopyFacts("b.html", "news.bbc.co.uk", new DateOnly(2016, 9, 2), [], 500),
            new CopyFacts("c.html", "www.dailymail.co.uk", new DateOnly(2016, 9, 2), [], 500)));
        origin.Copies.Select(c => (c.Path, c.Kind)).ShouldBe([("b.html", CopyKind.SameSite), ("c.html", CopyKind.Uncredited)]);
    }

    private static Dictionary<string, CopyFacts> Facts(params CopyFacts[] facts) => facts.ToDictionary(f => f.Path, StringComparer.Ordinal);
}
