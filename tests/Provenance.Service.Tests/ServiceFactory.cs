using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Provenance.Service;

namespace Provenance.Service.Tests;

/// <summary>
/// The real service (the host <c>provenance serve</c> builds) on ASP.NET's test server. Tests that do
/// not change the rules share one checker, since building it (compiling every expression) is the
/// slow part; those that do get their own from their settings.
/// </summary>
internal sealed class ServiceFactory(IReadOnlyDictionary<string, string?>? settings = null, bool sharedChecker = true, ILoggerProvider? logs = null) : WebApplicationFactory<Program>
{
    private static readonly Lazy<ProvenanceChecker> Shared = new(ProvenanceChecker.CreateDefault);

    public static ProvenanceChecker Checker => Shared.Value;

    protected override IHostBuilder CreateHostBuilder() => ProvenanceServer.CreateHostBuilder(settings);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (sharedChecker)
        {
            builder.ConfigureServices(services => services.AddSingleton(Shared.Value));
        }

        if (logs is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        }
    }
}
