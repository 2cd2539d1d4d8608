using Provenance.Reporting;

namespace Provenance.Service;

/// <summary>The read-only endpoints: rules, health and the editor page's files.</summary>
internal static class InfoEndpoints
{
    private const string ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

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

    /// <summary>Serves one embedded file of wwwroot, with headers that keep the page to itself.</summary>
    public static IResult Asset(HttpContext http, string name, string contentType)
    {
        var stream = typeof(InfoEndpoints).Assembly.GetManifestResourceStream("Provenance.Service.wwwroot." + name)
            ?? throw new InvalidOperationException($"the embedded file {name} is missing from the build");
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        if (contentType.StartsWith("text/html", StringComparison.Ordinal))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
        }

        return Results.Stream(stream, contentType);
    }

    /// <summary>The names of the embedded files, for tests that every one is served.</summary>
    public static IEnumerable<string> AssetNames() =>
        typeof(InfoEndpoints).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Provenance.Service.wwwroot.", StringComparison.Ordinal))
            .Select(n => n["Provenance.Service.wwwroot.".Length..]);
}
