using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Provenance.Hosting;
using Provenance.Tests;
using static Provenance.Service.Tests.CheckEndpointTests;

namespace Provenance.Service.Tests;

/// <summary>Rules, health, the OpenAPI document, the editor page's files and configuration binding.</summary>
public sealed class InfoEndpointTests
{
    [Fact]
    public async Task Rules_lists_every_rule_and_one_rule_has_its_help_page()
    {
        using var factory = new ServiceFactory();
        var client = factory.CreateClient();
        using var list = await ReadJson(await client.GetAsync(new Uri("/v1/rules", UriKind.Relative), TestContext.Current.CancellationToken));
        list.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetString()).ShouldBe(ServiceFactory.Checker.Rules.Rules.Select(r => r.Id));

        using var one = await ReadJson(await client.GetAsync(new Uri("/v1/rules/prv1001", UriKind.Relative), TestContext.Current.CancellationToken));
        one.RootElement.GetProperty("id").GetString().ShouldBe("PRV1001");
        one.RootElement.GetProperty("documentation").GetString()!.ShouldStartWith("# PRV1001: ");
        one.RootElement.GetProperty("scoreEffect").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_rule_has_a_help_page_for_people_with_no_script_allowed()
    {
        using var factory = new ServiceFactory();
        var client = factory.CreateClient();
        var (policy, html) = await HtmlPage(client, "/rules/prv2004.html");
        policy.ShouldStartWith("default-src 'none'; style-src 'unsafe-inline'");
        html.ShouldContain("<h1>PRV2004: No named source</h1>");
        html.ShouldContain("<h2>What it finds</h2>");
        html.ShouldNotContain("<script");
        html.ShouldNotContain("&lt;!--", customMessage: "the generator's comment is not shown");
        using var missing = await client.GetAsync(new Uri("/rules/PRV9999.html", UriKind.Relative), TestContext.Current.CancellationToken);
        await ShouldBeProblem(missing, HttpStatusCode.NotFound, "There is no rule 'PRV9999'");
    }

    [Fact]
    public async Task An_unknown_rule_is_a_404_problem()
    {
        using var factory = new ServiceFactory();
        using var response = await factory.CreateClient().GetAsync(new Uri("/v1/rules/PRV9999", UriKind.Relative), TestContext.Current.CancellationToken);
        await ShouldBeProblem(response, HttpStatusCode.NotFound, "There is no rule 'PRV9999'");
    }

    [Fact]
    public async Task Health_reports_the_rules_loaded()
    {
        using var factory = new ServiceFactory();
        using var json = await ReadJson(await factory.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken));
        json.RootElement.GetProperty("status").GetString().ShouldBe("healthy");
        json.RootElement.GetProperty("rules").GetInt32().ShouldBe(ServiceFactory.Checker.Rules.Rules.Length);
    }

    [Fact]
    public async Task The_openapi_document_describes_exactly_the_routes_the_service_maps()
    {
        using var factory = new ServiceFactory();
        using var json = await ReadJson(await factory.CreateClient().GetAsync(new Uri("/openapi.json", UriKind.Relative), TestContext.Current.CancellationToken));
        json.RootElement.GetProperty("openapi").GetString()!.ShouldStartWith("3.1");
        var documented = json.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))
            .Order(StringComparer.Ordinal).ToList();

        var mapped = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Where(r => r.Contains("/v1/", StringComparison.Ordinal) || r.EndsWith("/healthz", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        documented.ShouldBe(mapped);
    }

    /// <summary>
    /// The document is generated from the endpoints; a copy is checked in at docs/openapi.json for
    /// readers and client generators, and must be the one served. Regenerate with
    /// <c>PROVENANCE_WRITE_OPENAPI=1 dotnet test tests/Provenance.Service.Tests --filter openapi</c>.
    /// </summary>
    [Fact]
    public async Task The_checked_in_openapi_document_is_the_one_the_service_serves()
    {
        using var factory = new ServiceFactory();
        var served = (await factory.CreateClient().GetStringAsync(new Uri("/openapi.json", UriKind.Relative), TestContext.Current.CancellationToken)).ReplaceLineEndings("\n");
        var file = Path.Combine(RepoPaths.Root, "docs", "openapi.json");
        if (Environment.GetEnvironmentVariable("PROVENANCE_WRITE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(file, served, TestContext.Current.CancellationToken);
        }

        File.Exists(file).ShouldBeTrue($"{file} is missing; write it with PROVENANCE_WRITE_OPENAPI=1");
        served.ShouldBe(File.ReadAllText(file).ReplaceLineEndings("\n"), "the service's OpenAPI document changed; if that is meant, regenerate docs/openapi.json with PROVENANCE_WRITE_OPENAPI=1 and review the diff");
    }

    [Fact]
    public async Task The_openapi_document_is_valid_openapi_3_1()
    {
        using var factory = new ServiceFactory();
        var document = await factory.CreateClient().GetStringAsync(new Uri("/openapi.json", UriKind.Relative), TestContext.Current.CancellationToken);
        var file = Path.Combine(Directory.CreateTempSubdirectory("provenance-openapi-").FullName, "openapi.json");
        await File.WriteAllTextAsync(file, document, TestContext.Current.CancellationToken);
        NodeTools.Run("openapi.mjs", file).ShouldContain("valid");
    }

    [Fact]
    public async Task The_editor_page_and_its_files_are_served_with_a_strict_content_security_policy()
    {
        using var factory = new ServiceFactory();
        var client = factory.CreateClient();
        var (policy, html) = await HtmlPage(client, "/");
        policy.ShouldContain("script-src 'self'");
        System.Text.RegularExpressions.Regex.IsMatch(html, @"(src|href)\s*=\s*[""']?(https?:)?//", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
            .ShouldBeFalse("the page loads nothing from elsewhere");
        foreach (var name in InfoEndpoints.AssetNames().Where(n => n != "index.html" && n != "openapi.json"))
        {
            html.ShouldContain($"/{name}", customMessage: $"the page does not use {name}");
            using var asset = await client.GetAsync(new Uri("/" + name, UriKind.Relative), TestContext.Current.CancellationToken);
            asset.StatusCode.ShouldBe(HttpStatusCode.OK, name);
        }
    }

    [Fact]
    public async Task Thresholds_from_configuration_decide_whether_an_article_fails()
    {
        using var factory = new ServiceFactory(new Dictionary<string, string?> { ["Provenance:FailBelow"] = "99", ["Provenance:FailOn"] = "warning" });
        using var response = await factory.CreateClient().PostAsync(new Uri("/v1/check", UriKind.Relative), Content(File.ReadAllText(RepoPaths.Sample("hezbollah-original-source-cnn.txt")), "text/plain"), TestContext.Current.CancellationToken);
        using var json = await ReadJson(response);
        json.RootElement.GetProperty("articles")[0].GetProperty("failed").GetBoolean().ShouldBeTrue();
        json.RootElement.GetProperty("summary").GetProperty("failed").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_rules_folder_from_configuration_replaces_the_built_in_rules()
    {
        var folder = Directory.CreateTempSubdirectory("provenance-rules-").FullName;
        File.Copy(Path.Combine(RepoPaths.Rules, "disclosure.rules.json"), Path.Combine(folder, "disclosure.rules.json"));
        using var factory = new ServiceFactory(new Dictionary<string, string?> { ["Provenance:RulesDirectory"] = folder }, sharedChecker: false);
        using var json = await ReadJson(await factory.CreateClient().GetAsync(new Uri("/v1/rules", UriKind.Relative), TestContext.Current.CancellationToken));
        json.RootElement.EnumerateArray().Select(r => r.GetProperty("pack").GetString()).Distinct().ShouldBe(["provenance.disclosure"]);
    }

    [Fact]
    public void A_missing_rules_folder_stops_start_up_naming_the_folder()
    {
        using var factory = new ServiceFactory(new Dictionary<string, string?> { ["Provenance:RulesDirectory"] = "/nonexistent/rules" }, sharedChecker: false);
        Should.Throw<ProvenanceSetupException>(() => factory.CreateClient()).Message.ShouldBe("/nonexistent/rules: no such rules folder");
    }

    // An HTML page as a browser gets it: served, typed as HTML, with its Content-Security-Policy.
    private static async Task<(string Policy, string Html)> HtmlPage(HttpClient client, string path)
    {
        using var page = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        return (page.Headers.GetValues("Content-Security-Policy").Single(), await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
