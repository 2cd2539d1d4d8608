using Provenance.Text;

namespace Provenance.Core.Tests.Text;

public sealed class SourceTextTests
{
    [Theory]
    [InlineData("a\nb\nc", 4, 3, 1)]
    [InlineData("a\r\nb\r\nc", 6, 3, 1)]
    [InlineData("a\rb\rc", 2, 2, 1)]
    [InlineData("abc", 3, 1, 4)]
    [InlineData("ab\n", 3, 2, 1)]
    public void Offsets_map_to_one_based_lines_and_columns(string text, int offset, int line, int column)
    {
        new SourceText(text).GetLinePosition(offset).ShouldBe(new LinePosition(line, column));
    }

    [Fact]
    public void Every_offset_maps_as_counting_line_breaks_from_the_start_would()
    {
        // Line breaks of every kind, back to back, at both ends and past the first vector's width.
        var text = "\n\nfirst\r\n\r\nsecond line\rthird\n\nlast\n\r" + new string('x', 70) + "\r\r\n" + new string('y', 40) + "\r";
        var source = new SourceText(text);
        var (line, column) = (1, 1);
        for (var offset = 0; offset <= text.Length; offset++)
        {
            source.GetLinePosition(offset).ShouldBe(new LinePosition(line, column), $"offset {offset}");
            var breaks = offset < text.Length && (text[offset] == '\n' || (text[offset] == '\r' && (offset + 1 == text.Length || text[offset + 1] != '\n')));
            (line, column) = breaks ? (line + 1, 1) : (line, column + 1);
        }
    }

    [Fact]
    public void Line_spans_exclude_the_line_break()
    {
        var source = new SourceText("first\r\nsecond\nthird");
        source.LineCount.ShouldBe(3);
        source[source.GetLineSpan(1)].ShouldBe("first");
        source[source.GetLineSpan(2)].ShouldBe("second");
        source[source.GetLineSpan(3)].ShouldBe("third");
    }

    [Fact]
    public void An_offset_past_the_end_is_rejected()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new SourceText("abc").GetLinePosition(4));
    }

    [Fact]
    public void A_line_walked_to_from_any_earlier_line_is_the_line_a_search_finds()
    {
        // Text order, a hint past the offset, a hint out of range: always the searched line.
        // Far past the hint too, where the walk gives way to a search.
        foreach (var source in new[] { new SourceText("first\r\nsecond\n\nfourth line\rfifth\n"), new SourceText(string.Join("\n", Enumerable.Range(1, 60).Select(i => $"line {i}"))) })
        {
            for (var offset = 0; offset <= source.Text.Length; offset++)
            {
                var expected = source.GetLinePosition(offset).Line;
                for (var hint = -1; hint <= source.LineCount + 1; hint++)
                {
                    source.LineFrom(offset, hint).ShouldBe(expected, $"offset {offset} from line {hint}");
                }
            }
        }
    }
}
