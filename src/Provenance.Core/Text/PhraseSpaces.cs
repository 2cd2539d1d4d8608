using System.Buffers;

namespace Provenance.Text;

/// <summary>
/// The white space a space in a lexicon phrase matches (.NET's <c>\s</c>), split in two: the four
/// characters nearly all of it is, which the phrases' first words are searched with, and the rest,
/// whose presence sends a block back to the search by bare words.
/// </summary>
internal static class PhraseSpaces
{
    /// <summary>Space, tab, line feed and carriage return.</summary>
    public const string Common = " \t\n\r";

    /// <summary>Every other character <c>\s</c> takes: no-break, em, thin and ideographic spaces, form feed, line and paragraph separators.</summary>
    public const string Rare = "\v\f\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";

    private static readonly SearchValues<char> RareValues = SearchValues.Create(Rare);

    /// <summary>Whether <paramref name="text"/> holds any of the <see cref="Rare"/> white space.</summary>
    public static bool ContainsRare(ReadOnlySpan<char> text) => text.IndexOfAny(RareValues) >= 0;
}
