using Provenance.Json;
using Provenance.Outlets;

namespace Provenance.Core.Tests.Outlets;

public sealed class OutletRegistryTests
{
    private static readonly Lazy<OutletRegistry> Registry = new(DefaultRules.LoadOutletRegistry);

    [Theory]
    [InlineData("www.cnn.com", "CNN")]
    [InlineData("https://edition.cnn.com/2024/01/01/x.html", "CNN")]
    [InlineData("apnews.com", "Associated Press")]
    [InlineData("bbc.co.uk", "BBC")]
    [InlineData("news.sky.com", "Sky News")]
    public void Hosts_resolve_to_outlets(string host, string name)
    {
        Registry.Value.FindByHost(host).Outlet!.Name.ShouldBe(name);
    }

    [Fact]
    public void A_domain_rated_without_a_name_is_still_rated()
    {
        var lookup = Registry.Value.FindByHost("beforeitsnews.com");
        lookup.Outlet.ShouldBeNull();
        lookup.Domain!.Quality!.Value.ShouldBeLessThan(0.2);
        Registry.Value.Describe(lookup).ShouldStartWith("domain quality 0.");
    }

    [Fact]
    public void An_unknown_domain_is_unrated()
    {
        var lookup = Registry.Value.FindByHost("banxchange.com");
        lookup.Reliability.ShouldBe(OutletStatuses.Unrated);
        Registry.Value.Describe(lookup).ShouldBe("not rated by any source the registry draws on");
    }

    [Fact]
    public void Descriptions_name_the_rating_and_its_source()
    {
        var cnn = Registry.Value.FindByHost("cnn.com");
        Registry.Value.Describe(cnn).ShouldBe("rated generally reliable by Wikipedia's perennial sources list, WP:RSPCNN; domain quality 0.66/1 per Lin et al. 2023");
    }

    [Fact]
    public void Aliases_are_case_sensitive_and_weak_aliases_are_kept_apart()
    {
        Registry.Value.FindByAlias("AP")!.Name.ShouldBe("Associated Press");
        Registry.Value.FindByAlias("ap").ShouldBeNull();
        var hill = Registry.Value.Outlets.Single(o => o.Name == "The Hill");
        hill.Aliases.ShouldNotContain("The Hill");
        hill.WeakAliases.ShouldContain("The Hill");
    }

    [Theory]
    [InlineData("Conservative Tribune", null, "conservativetribune.com")]
    [InlineData("The Trace", null, "thetrace.org")]
    [InlineData("The Blaze", "Blaze Media", "theblaze.com")]
    [InlineData("Reuters", "Reuters", null)]
    [InlineData("Mediaite.com", "Mediaite", "mediaite.com")]
    public void A_name_resolves_by_alias_or_by_the_domain_it_spells(string name, string? outlet, string? domain)
    {
        var lookup = Registry.Value.FindByName(name);
        lookup.Outlet?.Name.ShouldBe(outlet);
        (lookup.Outlet is null).ShouldBe(outlet is null);
        (lookup.Domain?.Domain ?? lookup.Host).ShouldBe(domain);
    }

    [Theory]
    [InlineData("John Smith")]
    [InlineData("The Pentagon")]
    [InlineData("Süddeutsche Zeitung Magazin")]
    [InlineData("Ab")]
    public void A_name_that_is_no_alias_and_spells_no_rated_domain_is_unknown(string name)
    {
        Registry.Value.FindByName(name).ShouldBe(new OutletLookup(null, null, null));
    }

    [Theory]
    [InlineData("edition.cnn.com", "cnn.com")]
    [InlineData("https://www.cnn.com/2016/x", "cnn.com")]
    [InlineData("news.bbc.co.uk", "bbc.co.uk")]
    [InlineData("www.smh.com.au", "smh.com.au")]
    [InlineData("politi.co", "politi.co")]
    [InlineData("localhost", "localhost")]
    public void Sites_are_registered_domains(string host, string site)
    {
        OutletRegistry.SiteOf(host).ShouldBe(site);
    }

    [Theory]
    [InlineData("Facebook")]
    [InlineData("Twitter")]
    [InlineData("YouTube")]
    [InlineData("Instagram")]
    [InlineData("Reddit")]
    [InlineData("Substack")]
    public void User_generated_platforms_are_platforms(string alias)
    {
        Registry.Value.FindByAlias(alias)!.Type.ShouldBe("platform");
    }

    [Fact]
    public void A_retailer_rated_for_its_listings_is_a_company_not_an_outlet()
    {
        Registry.Value.FindByHost("amazon.com").Outlet!.Type.ShouldBe("company");
    }

    [Theory]
    [InlineData("pic.twitter.com", "X")]
    [InlineData("https://www.youtube.com/watch?v=x", "YouTube")]
    [InlineData("politi.co", "Politico")]
    [InlineData("nyti.ms", "The New York Times")]
    public void Platform_and_short_link_domains_resolve_to_their_owner(string host, string name)
    {
        Registry.Value.FindByHost(host).Outlet!.Name.ShouldBe(name);
    }

    [Fact]
    public void The_registry_credits_its_sources_and_licence()
    {
        Registry.Value.Licence.ShouldContain("CC BY-SA 4.0");
        Registry.Value.Sources.Select(s => s.Id).ShouldBe(["rsp", "lin2023", "opensources"]);
        Registry.Value.Outlets.Length.ShouldBeGreaterThan(400);
        Registry.Value.Domains.Length.ShouldBeGreaterThan(10000);
    }

    [Fact]
    public void A_rated_domain_has_its_quality_and_string_labels()
    {
        var registry = OutletRegistryLoader.Load("outlets.json", """
            { "version": "1", "licence": "x", "outlets": [], "domains": [ ["a.com", 0.5, ["fake", 3, "bias"]], ["b.com", null], ["c.com", 0.25, []] ] }
            """);
        registry.Domains.Select(d => (d.Domain, d.Quality, string.Join("|", d.Labels))).ShouldBe([("a.com", 0.5, "fake|bias"), ("b.com", null, ""), ("c.com", 0.25, "")]);
    }

    [Theory]
    [InlineData("""{ "version": "1", "licence": "x", "outlets": [ { "name": "A", "type": "wire", "reliability": "solid" } ] }""", "$.outlets[0].reliability", "expected one of")]
    [InlineData("""{ "version": "1", "licence": "x", "outlets": [], "domains": [ ["a.com", "high"] ] }""", "$.domains[0]", "expected [domain, quality")]
    [InlineData("""{ "version": "1", "licence": "x", "outlets": [ { "name": "A", "type": "wire", "reliability": "unrated", "quality": 2 } ] }""", "$.outlets[0].quality", "from 0 to 1")]
    [InlineData("""{ "version": "1", "licence": "x", "outlets": [], "domains": [ ["a.com", 0.5], ["b.com", null], ["A.com", 0.9] ] }""", "$.domains[2]", "duplicate domain 'A.com'; it is already rated at $.domains[0]")]
    [InlineData("""{ "version": "1", "licence": "x", "outlets": [], "domains": [ ["bad"], ["b.com", null], ["a.com", 0.5], ["A.com", 0.9], ["B.com", 0.1] ] }""", "$.domains[3]", "duplicate domain 'A.com'; it is already rated at $.domains[2]")]
    [InlineData("""{ "version": "1", "licence": "x", "outlets": [], "domains": [ ["bad"], ["b.com", null], ["a.com", 0.5], ["A.com", 0.9], ["B.com", 0.1] ] }""", "$.domains[4]", "duplicate domain 'B.com'; it is already rated at $.domains[1]")]
    [InlineData("""{ "version": "1", "licence": "x", "outlets": [], "domains": [ ["a.com", 0.5], ["b.com"] ] }""", "$.domains[1]", "expected [domain, quality")]
    [InlineData("""{ "version": "1", "licence": "x", "outlets": [], "domains": [ ["a.com", 0.5, ["fake"], 1] ] }""", "$.domains[0]", "expected [domain, quality")]
    [InlineData("""{ "version": "1", "licence": "x", "outlets": [], "domains": [ ["a.com", 0.5, "fake"] ] }""", "$.domains[0]", "expected [domain, quality")]
    [InlineData("""{ "version": "1", "licence": "x", "outlets": [], "domains": [ "a.com" ] }""", "$.domains[0]", "expected [domain, quality")]
    [InlineData("""{ "version": "1", "licence": "x", "outlets": [], "domains": [ [1, 0.5] ] }""", "$.domains[0]", "expected [domain, quality")]
    [InlineData("""{ "version": "1", "licence": "x", "outlets": [], "domains": {} }""", "$.domains", "expected an array")]
    public void Invalid_registries_are_rejected_precisely(string json, string path, string message)
    {
        var errors = Should.Throw<JsonLoadException>(() => OutletRegistryLoader.Load("outlets.json", json)).Errors;
        errors.ShouldContain(e => e.JsonPath == path && e.Message.Contains(message, StringComparison.Ordinal), string.Join("\n", errors));
    }
}
