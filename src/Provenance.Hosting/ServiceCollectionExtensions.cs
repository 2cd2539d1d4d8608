using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Provenance.Hosting;

/// <summary>Registers Provenance in a service collection.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds a singleton <see cref="ProvenanceChecker"/> built from <see cref="ProvenanceOptions"/>,
    /// which <paramref name="configure"/> sets. The checker is thread-safe; it is built on first use
    /// and a bad rule folder surfaces as a <see cref="ProvenanceSetupException"/> at start-up when the
    /// host validates options on start.
    /// </summary>
    public static IServiceCollection AddProvenance(this IServiceCollection services, Action<ProvenanceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ProvenanceOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.FailOn.ToLowerInvariant() is "error" or "warning" or "info", "Provenance:FailOn must be error, warning or info")
            .Validate(o => o.MatchTimeout > TimeSpan.Zero, "Provenance:MatchTimeout must be positive")
            .Validate(o => o.FailBelow is null or (>= 0 and <= 100), "Provenance:FailBelow must be a score from 0 to 100")
            .ValidateOnStart();
        services.TryAddSingleton(provider => ProvenanceSetup.CreateChecker(provider.GetRequiredService<IOptions<ProvenanceOptions>>().Value));
        return services;
    }

    /// <summary>
    /// Adds Provenance with options bound from <paramref name="configuration"/> (for example the
    /// <c>Provenance</c> section of appsettings.json: <c>RulesDirectory</c>, <c>ExtraRuleDirectories</c>,
    /// <c>ScoringFile</c>, <c>FailOn</c>, <c>FailBelow</c>, <c>MatchTimeout</c>), then <paramref name="configure"/>.
    /// </summary>
    public static IServiceCollection AddProvenance(this IServiceCollection services, IConfiguration configuration, Action<ProvenanceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ProvenanceOptions>().Bind(configuration);
        return services.AddProvenance(configure);
    }
}
