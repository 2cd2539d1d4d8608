using Provenance.Reporting;

namespace Provenance.Service;

/// <summary>The read-only endpoints: rules, their help pages, health and the editor page's files.</summary>
internal static class InfoEndpoints
{
    private const string ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private const string HelpPagePolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static IResult Rules(ProvenanceChecker checker) =>
        Results.Bytes(RuleCatalog.ListToUtf8(checker.Rules), "application/json; charset=utf-8");

    public static IResult Rule(string id, ProvenanceChecker checker)
    {
        var rule = checker.Rules.Rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
        return rule is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such rule", detail: $"There is no rule '{id}'; GET /v1/rules lists the {checker.Rules.Rules.Length} rules.")
            : Results.Bytes(RuleCatalog.DetailToUtf8(rule, checker.Scoring), "application/json; charset=utf-8");
    }

    public static IResult Health(ProvenanceChecker checker, ReportContext context) =>
        Results.Json(new HealthReport("healthy", context.ToolVersion, checker.Rules.Rules.Length, checker.Scoring.Version), ServiceJson.Default.HealthReport);

    /// <summary><c>GET /rules/{id}.html</c>: a rule's help page for people, which the editor page's findings link to.</summary>
    public static IResult RuleHelp(string id, HttpContext http, ProvenanceChecker checker)
    {
        var rule = checker.Rules.Rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
        if (rule is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such rule", detail: $"There is no rule '{id}'; GET /v1/rules lists the {checker.Rules.Rules.Length} rules.");
        }

        // The page carries its style inline and no script at all.
        Protect(http, HelpPagePolicy);
        return Results.Text(RuleHelpPage.Render(rule, checker.Scoring, "/"), "text/html; charset=utf-8");
    }

    /// <summary>Serves one embedded file of wwwroot, with headers that keep the page to itself.</summary>
    public static IResult Asset(HttpContext http, string name, string contentType)
    {
        var stream = typeof(InfoEndpoints).Assembly.GetManifestResourceStream("Provenance.Service.wwwroot." + name)
            ?? throw new InvalidOperationException($"the embedded file {name} is missing from the build");
        Protect(http, contentType.StartsWith("text/html", StringComparison.Ordinal) ? ContentSecurityPolicy : null);
        return Results.Stream(stream, contentType);
    }

    // Headers that keep a page to itself: no sniffing, no referrer, and for HTML no framing and no outside resources.
    private static void Protect(HttpContext http, string? htmlPolicy)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        if (htmlPolicy is not null)
        {
            headers.ContentSecurityPolicy = htmlPolicy;
            headers.XFrameOptions = "DENY";
        }
    }

    /// <summary>The names of the embedded files, for tests that every one is served.</summary>
    public static IEnumerable<string> AssetNames() =>
        typeof(InfoEndpoints).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Provenance.Service.wwwroot.", StringComparison.Ordinal))
            .Select(n => n["Provenance.Service.wwwroot.".Length..]);
}
