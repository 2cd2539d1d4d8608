namespace Provenance.Service;

/// <summary>
/// Limits and access for the HTTP service, bound from the <c>Provenance:Service</c> configuration
/// section (appsettings.json, environment variables such as <c>Provenance__Service__ApiKey</c>) and
/// from <c>provenance serve</c>'s options.
/// </summary>
public sealed class ServiceOptions
{
    /// <summary>The configuration section bound to these options.</summary>
    public const string SectionName = "Provenance:Service";

    /// <summary>When set, every <c>/v1/</c> request must carry it in the <c>X-Api-Key</c> header.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The largest request body accepted, in bytes (413 beyond it). Default 2 MiB.</summary>
    public long MaxRequestBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>How long one request may spend checking before it is answered 503. Default 10 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Checks run at once; more wait in the queue. Default: the number of cores.</summary>
    public int MaxConcurrentChecks { get; set; } = Environment.ProcessorCount;

    /// <summary>Requests that may wait for a check slot; beyond that the service answers 429. Default 32.</summary>
    public int QueueLimit { get; set; } = 32;

    /// <summary>The most articles one batch request may hold. Default 100.</summary>
    public int MaxBatchArticles { get; set; } = 100;

    /// <summary>
    /// An archive of published articles (<c>provenance index add</c>) that <c>POST /v1/archive/search</c>
    /// looks texts up in; without one that endpoint answers 404.
    /// </summary>
    public string? Archive { get; set; }

    /// <summary>The problems with these options, one sentence each; empty when they are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MaxRequestBytes <= 0)
        {
            problems.Add($"MaxRequestBytes is {MaxRequestBytes}; it must be positive");
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            problems.Add($"RequestTimeout is {RequestTimeout}; it must be positive");
        }

        if (MaxConcurrentChecks < 1)
        {
            problems.Add($"MaxConcurrentChecks is {MaxConcurrentChecks}; it must be at least 1");
        }

        if (QueueLimit < 0)
        {
            problems.Add($"QueueLimit is {QueueLimit}; it cannot be negative");
        }

        if (MaxBatchArticles < 1)
        {
            problems.Add($"MaxBatchArticles is {MaxBatchArticles}; it must be at least 1");
        }

        if (Archive is { Length: > 0 } archive && !File.Exists(archive))
        {
            problems.Add($"Archive is '{archive}', and there is no file there; 'provenance index add FOLDER --db {archive}' makes one");
        }

        if (ApiKey is { Length: > 0 and < 16 })
        {
            problems.Add("ApiKey is shorter than 16 characters; use a long random key");
        }

        return problems;
    }
}
