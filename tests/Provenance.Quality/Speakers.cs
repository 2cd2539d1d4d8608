using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Provenance.Quality;

/// <summary>What the hand-labelled fixture says about one annotated quotation.</summary>
public enum SpeakerLabel
{
    /// <summary>The article names who said it.</summary>
    Named,

    /// <summary>Someone the article does not name ("a senior official").</summary>
    Unnamed,

    /// <summary>Not someone's words: a title, a scare quote, a term.</summary>
    NotSpeech,

    /// <summary>Speech whose speaker the context does not tell.</summary>
    Unclear,
}

/// <summary>One hand-labelled quotation: the corpus article, the quote's start in its <c>mainText</c>, and who said it.</summary>
public sealed record LabelledQuote(string Article, int Start, SpeakerLabel Label, string Speaker);

/// <summary>The hand-labelled speakers (data/speakers.json) and how a finding's speaker is compared with a label.</summary>
public static class Speakers
{
    // Words before a name that say what the person is, not who: "Sen. Ted Cruz", "Mr. Reeves".
    private static readonly FrozenSet<string> Honorifics = FrozenSet.Create(
        StringComparer.Ordinal,
        "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "representative", "gov", "governor", "president", "vice",
        "secretary", "state", "of", "the", "gen", "general", "judge", "justice", "prof", "professor", "mayor", "rev", "reverend",
        "former", "candidate", "nominee", "chairman", "chairwoman", "speaker", "leader", "attorney", "sheriff", "chief",
        "jr", "sr", "ii", "iii");

    /// <summary>Reads the fixture.</summary>
    public static ImmutableArray<LabelledQuote> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var quotes = ImmutableArray.CreateBuilder<LabelledQuote>();
        foreach (var item in document.RootElement.GetProperty("quotes").EnumerateArray())
        {
            var label = item.GetProperty("label").GetString() switch
            {
                "NAMED" => SpeakerLabel.Named,
                "UNNAMED" => SpeakerLabel.Unnamed,
                "NOT_SPEECH" => SpeakerLabel.NotSpeech,
                "UNCLEAR" => SpeakerLabel.Unclear,
                var other => throw new InvalidDataException($"{path}: unknown label '{other}'"),
            };
            quotes.Add(new LabelledQuote(item.GetProperty("article").GetString()!, item.GetProperty("start").GetInt32(), label, item.GetProperty("speaker").GetString() ?? string.Empty));
        }

        return quotes.ToImmutable();
    }

    /// <summary>
    /// Whether a finding's speaker names the labelled speaker: every word of the found name, titles
    /// and initials aside, is a word of the labelled name, or the label is the found name's surname
    /// (its context gave no more). "Mr. Reeves" and "Secretary of State John Kerry" name "Eric
    /// Reeves" and "John Kerry", "Barack Obama" names "Obama"; "After Mook" does not name "Robby
    /// Mook", nor "Bill Clinton" "Hillary Clinton".
    /// </summary>
    public static bool Same(string found, string labelled)
    {
        var names = Names(Words(found));
        var label = Words(labelled).ToHashSet(StringComparer.Ordinal);
        if (names.Count == 0 || label.Count == 0 || Openers.Contains(names[0]))
        {
            return false;
        }

        if (names.All(label.Contains))
        {
            return true;
        }

        // The label gives only what its context showed ("Obama"); the finding may give the name in
        // full ("Barack Obama") from elsewhere in the article: the same surname, and the label's
        // words all in it.
        var labelNames = Names(Words(labelled));
        var foundWords = Words(found).ToHashSet(StringComparer.Ordinal);
        return labelNames.Count > 0 && labelNames[^1] == names[^1] && labelNames.All(foundWords.Contains);
    }

    // Words that open sentences and clauses, never a name: a finding that starts with one misread its speaker.
    private static readonly FrozenSet<string> Openers = FrozenSet.Create(
        StringComparer.Ordinal, "after", "on", "when", "but", "as", "in", "if", "while", "since", "and", "or", "so", "then", "yet", "though", "because");

    private static List<string> Names(List<string> words) => [.. words.Where(w => w.Length > 1 && !Honorifics.Contains(w))];

    /// <summary>Lower-case words, accents and possessives dropped.</summary>
    public static List<string> Words(string text)
    {
        var normalised = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(normalised.Length);
        foreach (var c in normalised)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : c is '\'' or '’' ? '\'' : ' ');
        }

        return [.. builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.EndsWith("'s", StringComparison.Ordinal) ? w[..^2] : w.Replace("'", string.Empty, StringComparison.Ordinal))
            .Where(w => w.Length > 0)];
    }
}
