using System.Text;

namespace Provenance.Tests;

/// <summary>A span an article's markup says a rule must report.</summary>
internal sealed record ExpectedSpan(string RuleId, int Start, int End);

/// <summary>
/// Roslyn-style test markup: <c>{|PRV1234:text|}</c> marks text where rule PRV1234 must report a
/// finding; <c>{|PRV1234:|}</c> marks a finding about the whole article (an empty span at its position).
/// </summary>
internal static class TestMarkup
{
    public static (string Text, IReadOnlyList<ExpectedSpan> Spans) Parse(string markup)
    {
        var text = new StringBuilder(markup.Length);
        var spans = new List<ExpectedSpan>();
        var i = 0;
        while (i < markup.Length)
        {
            if (markup.AsSpan(i).StartsWith("{|"))
            {
                var colon = markup.IndexOf(':', i + 2);
                var close = markup.IndexOf("|}", i + 2, StringComparison.Ordinal);
                if (colon < 0 || close < 0 || colon > close)
                {
                    throw new FormatException($"Unterminated markup at offset {i}: {markup}");
                }

                var id = markup[(i + 2)..colon];
                var inner = markup[(colon + 1)..close];
                if (inner.Contains("{|", StringComparison.Ordinal))
                {
                    throw new FormatException($"Nested markup is not supported: {markup}");
                }

                spans.Add(new ExpectedSpan(id, text.Length, text.Length + inner.Length));
                text.Append(inner);
                i = close + 2;
                continue;
            }

            text.Append(markup[i]);
            i++;
        }

        return (text.ToString(), spans);
    }

    /// <summary>Writes <paramref name="text"/> with <paramref name="spans"/> marked, for readable failures.</summary>
    public static string Render(string text, IEnumerable<ExpectedSpan> spans)
    {
        var builder = new StringBuilder(text);
        foreach (var span in spans.OrderByDescending(s => s.Start).ThenByDescending(s => s.End))
        {
            builder.Insert(span.End, "|}");
            builder.Insert(span.Start, "{|" + span.RuleId + ":");
        }

        return builder.ToString();
    }
}
