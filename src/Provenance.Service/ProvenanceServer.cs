using System.Text;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Provenance.Hosting;
using Provenance.Reporting;

namespace Provenance.Service;

/// <summary>
/// The Provenance HTTP service on the generic host: minimal-API endpoints under <c>/v1/</c>, health,
/// an OpenAPI document and the editor page at <c>/</c>. It reads only what it is sent and never
/// fetches a URL it is given.
/// </summary>
public static partial class ProvenanceServer
{
    /// <summary>Where the service listens unless told otherwise: loopback only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    private const string CheckPolicy = "checks";

    // What either check endpoint can refuse with; only a single text body can also be "not an article" (422).
    private static readonly int[] CheckProblems =
    [
        StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status408RequestTimeout, StatusCodes.Status413PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable,
    ];

    /// <summary>
    /// A host builder for the service. Configuration comes from appsettings.json in the current
    /// folder, environment variables (<c>Provenance__Service__ApiKey</c>) and then <paramref name="settings"/>,
    /// which win; see <see cref="ProvenanceOptions"/> and <see cref="ServiceOptions"/>.
    /// </summary>
    /// <param name="settings">Configuration keys and values that override the others, such as the command line's.</param>
    /// <param name="urls">The addresses to listen on; <see cref="DefaultUrls"/> when null.</param>
    public static IHostBuilder CreateHostBuilder(IEnumerable<KeyValuePair<string, string?>>? settings = null, string? urls = null) =>
        Host.CreateDefaultBuilder()
            .ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings ?? []))
            .ConfigureLogging(logging => logging
                // ASP.NET's per-request lines repeat what RequestLogging says in one; start-up and failures stay.
                .AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
                .AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information))
            .ConfigureWebHostDefaults(web => web
                .UseUrls(urls ?? DefaultUrls)
                .ConfigureServices((context, services) => AddServices(services, context.Configuration))
                .Configure(Configure));

    /// <summary>Registers the checker, the options and the service's parts.</summary>
    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        services.AddProvenance(configuration.GetSection(ProvenanceOptions.SectionName));
        services.AddOptions<ServiceOptions>().Bind(configuration.GetSection(ServiceOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServiceOptions>, ServiceOptionsValidator>();
        services.AddSingleton(provider => provider.GetRequiredService<ProvenanceEngine>().Context);
        services.AddSingleton<CheckEndpoints>();
        services.AddSingleton<ArchiveEndpoints>();
        services.AddHostedService<Warmup>();
        services.AddProblemDetails();
        services.AddRouting();
        services.AddServiceDocument();
        services.ConfigureHttpJsonOptions(json =>
        {
            // Numbers are numbers: the web default also reads "42" as 42, which the document would then have to allow.
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, ServiceJson.Default);
        });
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ServiceOptions>>((kestrel, service) =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = service.Value.MaxRequestBytes;
        });
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ServiceOptions>>((limiter, service) =>
        {
            // One shared concurrency limiter: checks are CPU-bound, so more at once only queue in the thread pool.
            var limits = service.Value;
            var shared = new ConcurrencyLimiterOptions
            {
                PermitLimit = limits.MaxConcurrentChecks,
                QueueLimit = limits.QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            };
            var partition = RateLimitPartition.GetConcurrencyLimiter(CheckPolicy, _ => shared);
            limiter.AddPolicy(CheckPolicy, _ => partition);
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                return new ValueTask(Results.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many requests",
                    detail: $"{limits.MaxConcurrentChecks} checks are running and {limits.QueueLimit} waiting; retry after a second.").ExecuteAsync(context.HttpContext));
            };
        });
    }

    /// <summary>Builds the request pipeline and maps the endpoints.</summary>
    public static void Configure(IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<RequestLogging>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseMiddleware<ApiKeyMiddleware>();
        app.UseRateLimiter();
        app.UseEndpoints(MapEndpoints);
    }

    /// <summary>Maps the service's endpoints.</summary>
    public static void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        const string Report = "Report";
        const string ReportDescription = "The run document: tool and rule packs, one entry per article (score, grade, categories, contributions, signals, findings with 1-based positions, provenance facts) and a summary; the same document as provenance check --format json (docs/json-format.md).";
        endpoints.MapPost("/v1/check", CheckEndpoints.CheckAsync)
            .RequireRateLimiting(CheckPolicy)
            .WithName("check")
            .WithTags("checks")
            .WithDescription("Send the article as the body in its media type (a charset parameter is honoured, otherwise the bytes are sniffed like files; a Word document as its bytes) with its name and URI in the query string, or as JSON.")
            .AcceptsArticles<CheckArticleRequest>(textBodies: true)
            .Answers(Report, ReportDescription)
            .ProducesProblems([.. CheckProblems, StatusCodes.Status422UnprocessableEntity]);
        endpoints.MapPost("/v1/check/batch", CheckEndpoints.CheckBatchAsync)
            .RequireRateLimiting(CheckPolicy)
            .WithName("checkBatch")
            .WithTags("checks")
            .WithDescription("Each article is checked and scored, in the order given; their paths must be unique.")
            .AcceptsArticles<CheckBatchRequest>(textBodies: false)
            .Answers(Report, ReportDescription)
            .ProducesProblems(CheckProblems);
        endpoints.MapPost("/v1/archive/search", ArchiveEndpoints.SearchAsync)
            .RequireRateLimiting(CheckPolicy)
            .WithName("searchArchive")
            .WithTags("archive")
            .WithDescription("Has this text, or most of it, been published before, and where? The article is sent as to /v1/check and looked up in the archive the service was started with (serve --archive, made by provenance index add); 404 when it has none.")
            .AcceptsArticles<CheckArticleRequest>(textBodies: true)
            .Answers("ArchiveSearch", "The archived articles that share the article's text, most of it first, with the share of each text found in the other and the lines they span.")
            .ProducesProblems([.. CheckProblems, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status500InternalServerError]);
        endpoints.MapGet("/v1/rules", InfoEndpoints.Rules)
            .WithName("listRules")
            .WithTags("rules")
            .WithSummary("List the rules the service runs")
            .Answers("Rule", "Every rule, in id order.", list: true)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        endpoints.MapGet("/v1/rules/{id}", InfoEndpoints.Rule)
            .WithName("getRule")
            .WithTags("rules")
            .WithSummary("Explain one rule")
            .Answers("RuleDetail", "The rule with its description, message, score effect and help page.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapGet("/healthz", InfoEndpoints.Health)
            .WithName("health")
            .WithTags("health")
            .WithSummary("Whether the service is up, and what it runs")
            .Produces<HealthReport>();
        endpoints.MapOpenApi(ServiceDocument.Route);
        endpoints.MapGet("/rules/{id}.html", InfoEndpoints.RuleHelp).ExcludeFromDescription();
        endpoints.MapGet("/", (HttpContext http) => InfoEndpoints.Asset(http, "index.html", "text/html; charset=utf-8")).ExcludeFromDescription();
        endpoints.MapGet("/editor.js", (HttpContext http) => InfoEndpoints.Asset(http, "editor.js", "text/javascript; charset=utf-8")).ExcludeFromDescription();
        endpoints.MapGet("/editor.css", (HttpContext http) => InfoEndpoints.Asset(http, "editor.css", "text/css; charset=utf-8")).ExcludeFromDescription();
    }

    private sealed class ServiceOptionsValidator : IValidateOptions<ServiceOptions>
    {
        public ValidateOptionsResult Validate(string? name, ServiceOptions options)
        {
            var problems = options.Problems();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems.Select(p => "Provenance:Service:" + p));
        }
    }

    /// <summary>Builds the checker when the host starts, so a bad rules folder stops start-up instead of the first request.</summary>
    private sealed partial class Warmup(ProvenanceChecker checker, ILogger<Warmup> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            checker.CheckText("Warm-up. Reuters reported, officials said.", cancellationToken: cancellationToken);
            foreach (var warning in LoadWarnings.For(checker))
            {
                LogWarning(logger, warning);
            }

            return Task.CompletedTask;
        }

        [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "{Warning}")]
        private static partial void LogWarning(ILogger logger, string warning);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
