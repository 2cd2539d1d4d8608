using Provenance.Reading.Html;

namespace Provenance.Core.Tests.Reading;

/// <summary>Where a tag ends, found with vectorised searches, must be where reading it a character at a time ends it.</summary>
public sealed class HtmlTagEndTests
{
    [Theory]
    [InlineData("<a href=\"x>y\">text", 2, 14)]
    [InlineData("<a title='it\"s'>", 2, 16)]
    [InlineData("<a b=\"never closed>", 2, 19)]
    [InlineData("<br>", 3, 4)]
    [InlineData("<div", 4, 4)]
    public void Quotes_in_attribute_values_are_respected(string html, int from, int end) =>
        NestingLimit.TagEnd(html, from).ShouldBe(end);

    [Fact]
    public void Random_tags_end_where_a_character_by_character_reading_ends_them()
    {
        var random = new Random(1202);
        const string alphabet = "ab \"'>=<\n";
        for (var trial = 0; trial < 5000; trial++)
        {
            var html = new string([.. Enumerable.Range(0, random.Next(0, 80)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var from = random.Next(0, html.Length + 1);
            NestingLimit.TagEnd(html, from).ShouldBe(Reference(html, from), $"{html} from {from}");
        }
    }

    private static int Reference(string html, int from)
    {
        var quote = '\0';
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }

        return html.Length;
    }
}
