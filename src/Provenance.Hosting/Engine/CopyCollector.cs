using Provenance.Articles;
using Provenance.Corpus;
using Provenance.Reporting;
using Provenance.Text;

namespace Provenance.Hosting;

/// <summary>
/// Gathers the prints of a run's articles as they are checked and finds which share text: what
/// <see cref="EngineRun.FindCopies"/> and <c>check --copies</c> share. An article's print is its
/// own text — not its headline, byline, metadata or footer zone, nor a block where a rule found a
/// note about the article or page padding — with what tells an original from its copies (its
/// site, date and the sources it credits for its text). Items must keep their text.
/// </summary>
public sealed class CopyCollector
{
    private readonly CopyFinder _finder;
    private readonly Dictionary<string, CopyFacts> _facts = new(StringComparer.Ordinal);

    // Where each compared article's shingled lines are, to locate its copy finding after its text
    // is let go: a slim print's are found when it is made whole, on the search's threads.
    private readonly Dictionary<string, LinePlaces> _places = new(StringComparer.Ordinal);

    // The furniture a slim print left out, where there was some, to leave it out again.
    private readonly Dictionary<string, TextSpan[]> _furniture = new(StringComparer.Ordinal);
    private readonly Func<string, Article?>? _readAgain;

    // The samples of the prints made so far, with a way to read articles again: a print whose
    // samples were not seen is held slim (PrintedOf).
    private readonly SeenSamples? _seen;
    private int _articles;

    /// <summary>Creates a collector with the given thresholds, or the defaults.</summary>
    public CopyCollector(CopyOptions? options = null)
    {
        _finder = new CopyFinder(options);
    }

    /// <summary>
    /// Creates a collector whose search uses at most <paramref name="jobs"/> threads (the run's
    /// <c>--jobs</c>), and which makes slim prints (<see cref="PrintedOf"/>) when given
    /// <paramref name="readAgain"/>: a print made whole again reads its article anew through it,
    /// by its path (null when it cannot be read).
    /// </summary>
    /// <param name="options">The thresholds, or the defaults.</param>
    /// <param name="jobs">Threads for the search.</param>
    /// <param name="readAgain">How an article is read again by its path, for slim prints; none keeps every print whole.</param>
    /// <param name="articles">About how many articles the run has (the slots of the samples seen are sized by it).</param>
    internal CopyCollector(CopyOptions? options, int jobs, Func<string, Article?>? readAgain = null, int articles = 0)
    {
        _readAgain = readAgain;
        _seen = readAgain is null ? null : new SeenSamples(articles);
        _finder = new CopyFinder(options) { Jobs = jobs, Remake = readAgain is null ? null : Remake };
    }

    /// <summary>
    /// A checked article's print for this collector (<see cref="Printed.Of"/>), on the thread that
    /// checked it: slim where this collector can read the article again and its samples were not
    /// seen before, whole otherwise.
    /// </summary>
    internal Printed PrintedOf(RunItem item, bool keepText, RuleNames? packWith) => Printed.Of(item, keepText, packWith, _seen);

    /// <summary>Takes one checked article's print; unreadable files and articles too short for a shingle take no part.</summary>
    public void Add(RunItem item) => Add(Printed.Of(item, keepText: false, packWith: null));

    /// <summary>Takes a print made where its article was checked (<see cref="Printed.Of"/>).</summary>
    internal void Add(Printed printed)
    {
        if (printed.Item.Report is null)
        {
            return;
        }

        if (printed.Print is { IsWhole: false } slim && _readAgain is null)
        {
            throw new ArgumentException($"the print of '{slim.Path}' is slim, and this collector cannot read its article again", nameof(printed));
        }

        _articles++;
        if (printed.Print is { } print)
        {
            _finder.Add(print);
            _facts[print.Path] = printed.Facts!;
            if (printed.Places is { } places)
            {
                _places[print.Path] = places;
            }

            if (printed.Furniture is { Length: > 0 } furniture)
            {
                _furniture[print.Path] = furniture;
            }
        }
    }

    // A slim print made whole: its article read again and printed with the same furniture left
    // out (the finder checks it is the text printed), its lines' places kept for its finding.
    private TextPrint? Remake(TextPrint slim)
    {
        if (_readAgain!(slim.Path) is not { } article || TextPrint.Of(article, LeaveOut(_furniture.GetValueOrDefault(slim.Path) ?? []), held: false) is not { } print)
        {
            return null;
        }

        var places = LinePlaces.Of(article.Source, print);
        lock (_places)
        {
            _places[print.Path] = places;
        }

        return print;
    }

    /// <summary>
    /// A checked article with what the collector takes from it, made on the thread that checked
    /// it: making prints on the one thread that reads the results was a twelfth of a run's work
    /// done beside the checks, and the articles' texts were held until it got to them.
    /// </summary>
    /// <param name="Item">The article, its text let go unless asked to keep it.</param>
    /// <param name="Print">Its print, or null when its text is shorter than a shingle or it has no report.</param>
    /// <param name="Facts">What tells an original from its copies, with the print.</param>
    /// <param name="Places">Where its shingled lines are, with a whole print (a slim one's are found when it is made whole).</param>
    /// <param name="Furniture">The spans of the blocks its print left out as furniture, with a slim print, to leave them out again.</param>
    /// <param name="Packed">The article packed to be held until the search is done (<see cref="HeldItems.Pack"/>), when asked for.</param>
    internal sealed record Printed(RunItem Item, TextPrint? Print, CopyFacts? Facts, LinePlaces? Places, TextSpan[]? Furniture, HeldItems.Held? Packed)
    {
        /// <summary>
        /// The print of a checked article, its text kept or let go after, and the article packed
        /// with <paramref name="packWith"/>, the run's rule names, when they are given; slim (its
        /// samples alone) when <paramref name="slim"/> is given, the article was read from a file
        /// (for a collector made with a way to read it again) and its samples were not seen before (<see cref="TextPrint.Of(Article, Func{Block, bool}?, bool, SeenSamples?)"/>).
        /// </summary>
        public static Printed Of(RunItem item, bool keepText, RuleNames? packWith, SeenSamples? slim = null)
        {
            ArgumentNullException.ThrowIfNull(item);
            var kept = keepText ? item : CheckRunner.WithoutText(item);
            var packed = packWith is null ? null : HeldItems.Pack(item, packWith);
            if (item.Report is not { } report)
            {
                return new Printed(kept, null, null, null, null, packed);
            }

            var furniture = FurnitureOf(report);
            slim = item.Path == ContentFiles.StandardInput ? null : slim;
            if (TextPrint.Of(report.Article, LeaveOut(furniture), held: true, slim) is not { } print)
            {
                return new Printed(kept, null, null, null, null, packed);
            }

            var facts = FactsOf(report, print);
            return print.IsWhole
                ? new Printed(kept, print, facts, LinePlaces.Of(report.Article.Source, print), null, packed)
                : new Printed(kept, print, facts, null, furniture, packed);
        }
    }

    /// <summary>What <paramref name="search"/> says of each article of its groups, by path (see <see cref="CopyVerdicts"/>).</summary>
    public IReadOnlyDictionary<string, CopyVerdict> Verdicts(CopySearch search)
    {
        ArgumentNullException.ThrowIfNull(search);
        return CopyVerdicts.For(search.Clusters, search.Origins);
    }

    /// <summary>
    /// <paramref name="item"/> with its copy finding and signal added (findings and signals stay in
    /// document order) and scored again: the item itself when it has no verdict, no report, or its
    /// configuration turns the verdict's rule off.
    /// </summary>
    /// <param name="item">A checked article, text kept or not.</param>
    /// <param name="verdict">Its verdict, if any.</param>
    /// <param name="checker">The checker of the run, whose model scores it.</param>
    /// <param name="options">The article's configuration.</param>
    public RunItem Amend(RunItem item, CopyVerdict? verdict, ProvenanceChecker checker, Analysis.AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(checker);
        if (verdict is null || item.Report is not { } report || CopyVerdicts.Report(verdict, p => _places.GetValueOrDefault(p), item.Path, options) is not var (finding, signal))
        {
            return item;
        }

        var analysis = report.Analysis;
        var findings = analysis.Findings.Insert(InsertAt(analysis.Findings, f => f.Span.Start, finding.Span.Start), finding);
        var signals = analysis.Signals.Insert(InsertAt(analysis.Signals, s => s.Span.Start, signal.Span.Start), signal);
        return item with { Report = checker.Score(report.Article, new Analysis.AnalysisResult(findings, signals)) };
    }

    // After every element that starts at or before the offset: document order, the new one last among equals.
    private static int InsertAt<T>(System.Collections.Immutable.ImmutableArray<T> items, Func<T, int> start, int offset)
    {
        var i = items.Length;
        while (i > 0 && start(items[i - 1]) > offset)
        {
            i--;
        }

        return i;
    }

    /// <summary>
    /// An analysed article's print and the facts that tell an original from its copies, or null
    /// when its own text is shorter than one shingle: what the collector and the archive take.
    /// </summary>
    /// <param name="report">The article's report, its text kept.</param>
    /// <param name="held">Whether the print is kept to the end of the run (a collector's), as against stored or looked up and let go.</param>
    internal static (TextPrint Print, CopyFacts Facts)? PrintOf(ArticleReport report, bool held = false) =>
        TextPrint.Of(report.Article, LeaveOut(FurnitureOf(report)), held) is { } print ? (print, FactsOf(report, print)) : null;

    /// <summary>The groups of articles that share text among those added, each with its likely original.</summary>
    public CopySearch Search()
    {
        var clusters = _finder.FindClusters();
        return new CopySearch(_articles, _finder.Count, clusters, [.. clusters.Select(c => CopyOrigins.Judge(c, _facts))]) { Unread = _finder.Unread };
    }

    // The signals that credit a source for the text itself, as against citing it for a fact.
    private static readonly HashSet<string> TextCredits = new(StringComparer.Ordinal) { "original-source", "original-source-unreliable", "wire-credit", "based-on-declared", "republished", "lifted-credit" };

    private static CopyFacts FactsOf(ArticleReport report, TextPrint print)
    {
        var article = report.Article;
        var metadata = article.Metadata;
        var site = article.Uri?.Host
            ?? (Uri.TryCreate(metadata.CanonicalUrl?.Value, UriKind.Absolute, out var canonical) ? canonical.Host : null)
            ?? metadata.SiteName?.Value;
        var published = metadata.Published?.Value is { Length: >= 10 } date && DateOnly.TryParseExact(date[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day : (DateOnly?)null;
        // Each credit once, in order (List's Contains compares strings ordinally); most articles
        // credit none (a loop: a query's iterators and set were a tenth of making a print).
        List<string>? credits = null;
        foreach (var signal in report.Analysis.Signals)
        {
            if (signal.Value.Length > 0 && TextCredits.Contains(signal.Name) && !(credits ??= []).Contains(signal.Value))
            {
                credits.Add(signal.Value);
            }
        }

        return new CopyFacts(print.Path, site, published, (IReadOnlyList<string>?)credits ?? [], print.Words);
    }

    // A copy is of the reporting: a block where a rule found a note about the article (a
    // disclaimer or label, a bio, a credit, a disclosure, a correction) or page padding (a
    // newsletter prompt, promotion, sponsorship, debris) is left out, so one site's furniture does
    // not make its pages copies. Signals found in reporting itself — a dateline, spun or template
    // phrasing, a method statement — leave their block in.
    private static readonly HashSet<string> FurnitureSignals = new(StringComparer.Ordinal)
    {
        "scraped-boilerplate", "comment-heading", "content-farm-bio", "layout-debris", "promotion", "crypto-promotion",
        "sponsored", "sponsored-link", "affiliate-disclosure", "investment-disclaimer", "press-contact",
        "ai-disclosure-image", "ai-disclosure-text", "ai-disclosure-media", "image-credit", "image-credit-platform",
        "type-label", "satire-label", "author-bio", "conflict-disclosure", "correction-note",
    };

    private static TextSpan[] FurnitureOf(ArticleReport report)
    {
        List<TextSpan>? spans = null;
        foreach (var signal in report.Analysis.Signals)
        {
            if (!signal.Span.IsEmpty && FurnitureSignals.Contains(signal.Name))
            {
                (spans ??= []).Add(signal.Span);
            }
        }

        return spans is null ? [] : [.. spans];
    }

    private static Func<Block, bool> LeaveOut(TextSpan[] furniture) =>
        block => furniture.Length > 0 && block.SourceSpan is var at && Array.Exists(furniture, s => s.Start < at.End && at.Start < s.End);
}

/// <summary>What a search for copies found (<see cref="EngineRun.FindCopies"/>, <see cref="CopyCollector.Search"/>).</summary>
/// <param name="Articles">The articles read.</param>
/// <param name="Compared">Those long enough to compare.</param>
/// <param name="Clusters">The groups of articles that share text, largest first.</param>
/// <param name="Origins">Each group's likely original and how the others stand to it, in the order of <paramref name="Clusters"/>.</param>
public sealed record CopySearch(int Articles, int Compared, IReadOnlyList<CopyCluster> Clusters, IReadOnlyList<CopyOrigin> Origins)
{
    /// <summary>
    /// The articles the search had to read again and found changed or gone since they were
    /// checked (a run holding its prints slim reads again those it measures): they took no part,
    /// so a copy among them is not found. Empty unless files changed during the run.
    /// </summary>
    public IReadOnlyList<string> Unread { get; init; } = [];
}
