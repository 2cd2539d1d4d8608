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
}
