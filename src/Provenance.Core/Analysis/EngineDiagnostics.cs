namespace Provenance.Analysis;

/// <summary>Ids of the diagnostics the engine itself reports (category Analysis).</summary>
public static class EngineDiagnostics
{
    /// <summary>The category of the engine's own diagnostics.</summary>
    public const string Category = "Analysis";

    /// <summary>An article could not be read (not text, undecodable, unreadable).</summary>
    public const string UnreadableArticle = "PRV0001";

    /// <summary>A rule file or scoring model could not be loaded.</summary>
    public const string InvalidRules = "PRV0002";

    /// <summary>A rule's regular expression ran past its time limit on an article.</summary>
    public const string RuleTimedOut = "PRV0003";

    /// <summary>A rule reported more matches than the limit in one article.</summary>
    public const string TooManyMatches = "PRV0004";

    /// <summary>The reader met a problem that did not stop it (malformed front matter…).</summary>
    public const string ReadIssue = "PRV0005";

    /// <summary>An inline suppression that suppressed nothing.</summary>
    public const string UnusedSuppression = "PRV0006";

    /// <summary>Descriptors of the engine's own diagnostics, for reports that list every rule (SARIF).</summary>
    public static IReadOnlyList<Rules.RuleDescriptor> Descriptors { get; } =
    [
        Describe(UnreadableArticle, "Article could not be read", "{0}", Rules.Severity.Error, "The file is not text (binary, undecodable) or could not be read; it was skipped and the rest of the run went on."),
        Describe(RuleTimedOut, "Rule timed out", "{0}", Rules.Severity.Warning, "A rule's regular expression ran past its time limit on an article and was stopped; its findings there are incomplete."),
        Describe(TooManyMatches, "Too many matches", "{0}", Rules.Severity.Info, "A rule matched more often in one article than the limit; the first matches are reported."),
        Describe(ReadIssue, "Article partly read", "{0}", Rules.Severity.Warning, "The reader met a problem that did not stop it, such as malformed front matter; the rest of the article was read."),
        Describe(UnusedSuppression, "Unused suppression", "{0}", Rules.Severity.Info, "An inline provenance-disable directive suppresses no finding; remove it so stale suppressions do not hide future ones."),
    ];

    private static Rules.RuleDescriptor Describe(string id, string title, string format, Rules.Severity severity, string description) =>
        new(id, title, format, Category, severity, true, null, description, [], "provenance.engine");
}
