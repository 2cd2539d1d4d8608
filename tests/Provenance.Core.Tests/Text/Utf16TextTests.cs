using Provenance.Text;

namespace Provenance.Core.Tests.Text;

/// <summary>Cuts around characters of two UTF-16 units, as excerpts and shortened quotes make them.</summary>
public sealed class Utf16TextTests
{
    // "a😀b": the emoji is units 1 and 2.
    private const string Text = "a\U0001F600b";

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 1, 1)]
    [InlineData(2, 1, 3)]
    [InlineData(3, 3, 3)]
    [InlineData(4, 4, 4)]
    public void A_cut_inside_a_pair_moves_back_or_on_and_any_other_cut_stays(int at, int before, int after)
    {
        Utf16Text.CutBefore(Text, at).ShouldBe(before);
        Utf16Text.CutAfter(Text, at).ShouldBe(after);
    }

    [Fact]
    public void Half_of_a_pair_alone_is_found_and_a_whole_pair_is_not()
    {
        Enumerable.Range(0, Text.Length).ShouldAllBe(i => !Utf16Text.IsLoneSurrogate(Text, i));
        var high = Text[..2];
        Utf16Text.IsLoneSurrogate(high, 1).ShouldBeTrue();
        var low = Text[2..];
        Utf16Text.IsLoneSurrogate(low, 0).ShouldBeTrue();

        // A lone half is not a pair to step around: a cut there stays.
        Utf16Text.CutBefore(high + "b", 2).ShouldBe(2);
    }
}
