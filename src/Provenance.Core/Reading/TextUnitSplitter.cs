using System.Collections.Immutable;
using Provenance.Text;

namespace Provenance.Reading;

/// <summary>
/// Cuts plain text into units. Most text files put one paragraph on a line; files wrapped at a
/// fixed width put one paragraph on several lines, so such runs are joined back into one unit.
/// </summary>
internal static class TextUnitSplitter
{
    private const int MaxWrapWidth = 100;
    private const int MinWrapWidth = 60;
    private const int WrapSlack = 25;

    public static ImmutableArray<TextUnit> Split(SourceText source)
    {
        var units = ImmutableArray.CreateBuilder<TextUnit>();
        var chunk = new List<(int Line, TextSpan Span)>();
        var afterBlank = false;
        for (var line = 1; line <= source.LineCount; line++)
        {
            var span = Trim(source.Text, source.GetLineSpan(line));

            // Suppression directives are instructions to the checker, not part of the article.
            if (span.IsEmpty || (span.Length < 200 && Analysis.Suppressions.IsDirectiveLine(source.Text.AsSpan(span.Start, span.Length))))
            {
                Flush(source, chunk, afterBlank, units);
                afterBlank = true;
                continue;
            }

            chunk.Add((line, span));
        }

        Flush(source, chunk, afterBlank, units);
        return units.ToImmutable();
    }

    private static void Flush(SourceText source, List<(int Line, TextSpan Span)> chunk, bool afterBlank, ImmutableArray<TextUnit>.Builder units)
    {
        if (chunk.Count == 0)
        {
            return;
        }

        if (IsHardWrapped(source.Text, chunk))
        {
            var span = TextSpan.FromBounds(chunk[0].Span.Start, chunk[^1].Span.End);
            units.Add(new TextUnit(span, source[span], chunk[0].Line, afterBlank));
        }
        else
        {
            for (var i = 0; i < chunk.Count; i++)
            {
                units.Add(new TextUnit(chunk[i].Span, source[chunk[i].Span], chunk[i].Line, afterBlank && i == 0));
            }
        }

        chunk.Clear();
    }

    // A wrapped paragraph has every line but the last close to one width, and at least one of
    // them breaks mid-sentence; a list of short lines or a run of one-line paragraphs does not.
    private static bool IsHardWrapped(string text, List<(int Line, TextSpan Span)> chunk)
    {
        if (chunk.Count < 2)
        {
            return false;
        }

        var max = 0;
        for (var i = 0; i < chunk.Count - 1; i++)
        {
            max = Math.Max(max, chunk[i].Span.Length);
        }

        if (max > MaxWrapWidth || max < MinWrapWidth || chunk[^1].Span.Length > max + 2)
        {
            return false;
        }

        var breaksMidSentence = false;
        for (var i = 0; i < chunk.Count - 1; i++)
        {
            var span = chunk[i].Span;

            // A wrapping editor breaks a line only when the next word would not fit on it.
            if (span.Length < max - WrapSlack || span.Length + 1 + FirstWordLength(text, chunk[i + 1].Span) <= max)
            {
                return false;
            }

            var last = text[span.End - 1];
            breaksMidSentence |= last is not ('.' or '!' or '?' or ':' or '"' or '”');
        }

        return breaksMidSentence;
    }

    private static int FirstWordLength(string text, TextSpan span)
    {
        var length = 0;
        while (length < span.Length && !char.IsWhiteSpace(text[span.Start + length]))
        {
            length++;
        }

        return length;
    }

    private static TextSpan Trim(string text, TextSpan span)
    {
        var start = span.Start;
        var end = span.End;
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] == '\uFEFF'))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return TextSpan.FromBounds(start, end);
    }
}
