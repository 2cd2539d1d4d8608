using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Provenance.Hosting;

/// <summary>Registers Provenance in a service collection.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds a singleton <see cref="ProvenanceEngine"/> and its <see cref="ProvenanceChecker"/>, built
    /// from <see cref="ProvenanceOptions"/>, which <paramref name="configure"/> sets. Both are thread-safe; it is built on first use
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

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProvenanceOptions>, Validator>());
        services.TryAddSingleton(provider => ProvenanceSetup.CreateChecker(provider.GetRequiredService<IOptions<ProvenanceOptions>>().Value));

        // The engine checks with the checker registered (which a host may replace), under the options' configuration and policy.
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ProvenanceOptions>>().Value;
            return new ProvenanceEngine(options.ToEngineOptions(), provider.GetRequiredService<ProvenanceChecker>());
        });
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

    private sealed class Validator : IValidateOptions<ProvenanceOptions>
    {
        public ValidateOptionsResult Validate(string? name, ProvenanceOptions options) =>
            options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
