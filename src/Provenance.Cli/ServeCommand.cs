using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Provenance.Hosting;
using Provenance.Service;

namespace Provenance.Cli;

/// <summary><c>provenance serve</c>: the HTTP service and editor page, on loopback unless told otherwise.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = $"Addresses to listen on, separated by ';'. Default {ProvenanceServer.DefaultUrls} (this machine only).", DefaultValueFactory = _ => ProvenanceServer.DefaultUrls };
        var rules = new Option<string?>("--rules") { Description = "A folder of rule packs to use instead of the built-in packs." };
        var scoring = new Option<string?>("--scoring") { Description = "A scoring model (scoring.json) to use instead of the built-in one." };
        var config = new Option<string?>("--config", "-c") { Description = "A configuration file (provenance.json) applied to every article checked, as check --config applies it." };
        var apiKey = new Option<string?>("--api-key") { Description = "Require this key in the X-Api-Key header of /v1/ requests. Prefer the PROVENANCE_API_KEY environment variable, which other users cannot see in the process list." };
        var maxRequest = new Option<long?>("--max-request-size") { Description = "The largest request body, in bytes (default 2 MiB)." };
        var timeout = new Option<double?>("--timeout") { Description = "Seconds one request may spend checking before it is answered 503 (default 10)." };
        var concurrency = new Option<int?>("--max-concurrency") { Description = "Checks run at once (default: the number of cores); more wait in a queue." };
        var queue = new Option<int?>("--queue-limit") { Description = "Requests that may wait; beyond that the service answers 429 (default 32)." };
        var archive = new Option<string?>("--archive") { Description = "An archive of published articles ('provenance index add') that POST /v1/archive/search looks texts up in." };
        var logFormat = new Option<string>("--log-format") { Description = "simple or json (one JSON object per log line, for log collectors).", DefaultValueFactory = _ => "simple" };
        logFormat.AcceptOnlyFromAmong("simple", "json");
        var command = new Command("serve", "Run the HTTP service (POST /v1/check, /v1/check/batch, /v1/archive/search, GET /v1/rules, /healthz, /openapi.json) and the editor page at /.")
        {
            urls, rules, scoring, config, apiKey, maxRequest, timeout, concurrency, queue, archive, logFormat,
        };
        command.SetAction(r =>
        {
            var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
            void Set(string key, object? value)
            {
                if (value is not null)
                {
                    settings[key] = Convert.ToString(value, CultureInfo.InvariantCulture);
                }
            }

            var baseDirectory = Directory.GetCurrentDirectory();
            Set("Provenance:RulesDirectory", r.GetValue(rules) is { } folder ? Path.GetFullPath(folder, baseDirectory) : null);
            Set("Provenance:ScoringFile", r.GetValue(scoring) is { } file ? Path.GetFullPath(file, baseDirectory) : null);
            Set("Provenance:ConfigFile", r.GetValue(config) is { } configFile ? Path.GetFullPath(configFile, baseDirectory) : null);
            Set("Provenance:Service:ApiKey", r.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("PROVENANCE_API_KEY"));
            Set("Provenance:Service:MaxRequestBytes", r.GetValue(maxRequest));
            Set("Provenance:Service:RequestTimeout", r.GetValue(timeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : null);
            Set("Provenance:Service:MaxConcurrentChecks", r.GetValue(concurrency));
            Set("Provenance:Service:QueueLimit", r.GetValue(queue));
            Set("Provenance:Service:Archive", r.GetValue(archive) is { } archiveFile ? Path.GetFullPath(archiveFile, baseDirectory) : null);
            return Run(settings, r.GetValue(urls)!, r.GetValue(logFormat) == "json", Console.Error);
        });
        return command;
    }

    internal static int Run(IReadOnlyDictionary<string, string?> settings, string urls, bool jsonLogs, TextWriter error)
    {
        var builder = ProvenanceServer.CreateHostBuilder(settings, urls);
        if (jsonLogs)
        {
            builder.ConfigureLogging(logging => logging.ClearProviders().AddJsonConsole(o => o.UseUtcTimestamp = true));
        }

        try
        {
            using var host = builder.Build();
            host.Run();
            return ExitCodes.Success;
        }
        catch (OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures)
            {
                error.WriteLine($"provenance: {failure}");
            }

            return ExitCodes.UsageError;
        }
        catch (ProvenanceSetupException ex)
        {
            error.WriteLine($"provenance: {ex.Message}");
            return ExitCodes.UsageError;
        }
        catch (IOException ex)
        {
            error.WriteLine($"provenance: cannot listen on {urls}: {ex.Message}");
            return ExitCodes.UsageError;
        }
    }
}
