using Provenance.Attribution;

namespace Provenance.Core.Tests.Attribution;

/// <summary>
/// The filter before the lexicon's lookups may let a word through that is in no list, never stop
/// one that is: as written, and ignoring case where the list does.
/// </summary>
public sealed class WordFilterTests
{
    private static readonly string[] Words = ["said", "told", "tweeted", "spokesman", "Sen", "a", "Democrat", "de"];

    [Fact]
    public void Every_word_of_the_list_passes()
    {
        var filter = WordFilter.Create(Words, ignoreCase: false);
        foreach (var word in Words)
        {
            filter.MayContain(word).ShouldBeTrue(word);
        }
    }

    [Theory]
    [InlineData("SAID")]
    [InlineData("Spokesman")]
    [InlineData("sEN")]
    [InlineData("A")]
    [InlineData("DEMOCRAT")]
    public void Ignoring_case_the_word_in_any_case_passes(string word) =>
        WordFilter.Create(Words, ignoreCase: true).MayContain(word).ShouldBeTrue();

    [Fact]
    public void Ignoring_case_a_word_outside_ascii_is_looked_up() =>
        WordFilter.Create(Words, ignoreCase: true).MayContain("ſaid").ShouldBeTrue();

    [Fact]
    public void Ignoring_case_a_list_with_a_word_outside_ascii_passes_everything() =>
        WordFilter.Create(["ſtatement"], ignoreCase: true).MayContain("zebra").ShouldBeTrue();

    [Fact]
    public void Most_other_words_are_stopped()
    {
        var filter = WordFilter.Create(Words, ignoreCase: false);
        string[] others = ["the", "of", "and", "to", "in", "that", "was", "with", "for", "on", "it", "is", "he", "as", "at", "by", "from", "his", "but", "have"];
        others.Count(word => filter.MayContain(word)).ShouldBeLessThan(3);
    }
}
