using System.Collections.Immutable;
using System.ComponentModel;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Provenance.Hosting;
using Provenance.Reporting;

namespace Provenance.Service;

/// <summary>
/// <c>POST /v1/check</c> and <c>POST /v1/check/batch</c>: read, check and score, answering with the
/// same JSON document as <c>provenance check --format json</c>, through the same engine (its rules,
/// scoring, configuration file and policy). Each request has a time budget; a
/// client that goes away cancels its check. The handlers' XML summaries are the operations'
/// summaries in the OpenAPI document.
/// </summary>
internal sealed partial class CheckEndpoints(ProvenanceEngine engine, IOptions<ServiceOptions> options, ILogger<CheckEndpoints> logger)
{
    private readonly ServiceOptions _options = options.Value;

    /// <summary>Check one article</summary>
    public static Task<IResult> CheckAsync(
        HttpContext http,
        [FromServices] CheckEndpoints checks,
        [FromQuery, Description("The name findings are reported against (a body that is not JSON). Default article and the format's extension.")] string? path = null,
        [FromQuery, Description("Where the article was published (absolute http or https), for resolving its links (a body that is not JSON). Never fetched.")] string? uri = null,
        [FromQuery, Description(ReadDescription)] bool read = false) =>
        checks.RunAsync(http, read, async token => [await CheckRequestReader.ReadSingleAsync(http.Request, path, uri, checks._options, token).ConfigureAwait(false)]);

    /// <summary>Check several articles in one request</summary>
    public static Task<IResult> CheckBatchAsync(HttpContext http, [FromServices] CheckEndpoints checks, [FromQuery, Description(ReadDescription)] bool read = false) =>
        checks.RunAsync(http, read, token => CheckRequestReader.ReadBatchAsync(http.Request, checks._options, token));

    private const string ReadDescription = "Also answer, per article, with its text as the reader took it (block by block, each finding highlighted): what the editor page shows for an HTML page instead of its markup.";

    private async Task<IResult> RunAsync(HttpContext http, bool withReadView, Func<CancellationToken, Task<IReadOnlyList<CheckInput>>> read)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        budget.CancelAfter(_options.RequestTimeout);
        var reading = true;
        try
        {
            var inputs = await read(budget.Token).ConfigureAwait(false);
            reading = false;
            var items = ImmutableArray.CreateBuilder<RunItem>(inputs.Count);
            foreach (var input in inputs)
            {
                items.Add(Check(input, budget.Token));
            }

            var context = engine.Context;
            var run = new CheckRun(items.MoveToImmutable(), context.Rules.Packs, context.Scoring.Version);
            // Only a text body can fail to decode (JSON content is text already), and it is always alone.
            if (run.Items is [{ Report: null } unreadable])
            {
                return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Not an article", detail: $"{unreadable.Path}: {unreadable.Error}");
            }

            foreach (var item in run.Items)
            {
                LogChecked(logger, item.Path, item.Report?.Article.Format.ToString() ?? "unreadable", item.Report?.Scorecard.Score ?? 0, item.Report?.Scorecard.Grade ?? "-", item.Report?.Analysis.Findings.Length ?? 0);
            }

            var json = new StringWriter { NewLine = "\n" };
            new JsonReporter(context, withReadView).Write(run, json);
            return Results.Text(json.ToString(), "application/json", Encoding.UTF8);
        }
        catch (RequestProblem problem)
        {
            return problem.ToResult();
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            LogAbandoned(logger, http.Request.Path);
            return Results.Empty;
        }
        catch (OperationCanceledException) when (reading)
        {
            // A client that sends its body slower than the budget allows would otherwise hold a
            // check slot for as long as it likes.
            LogTimedOut(logger, http.Request.Path, _options.RequestTimeout.TotalMilliseconds);
            return Results.Problem(
                statusCode: StatusCodes.Status408RequestTimeout,
                title: "Request body too slow",
                detail: $"The request body did not arrive within the budget of {_options.RequestTimeout.TotalSeconds:0.###} s (Provenance:Service:RequestTimeout, serve --timeout).");
        }
        catch (OperationCanceledException)
        {
            LogTimedOut(logger, http.Request.Path, _options.RequestTimeout.TotalMilliseconds);
            return Results.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Check timed out",
                detail: $"The request took longer than its budget of {_options.RequestTimeout.TotalSeconds:0.###} s (Provenance:Service:RequestTimeout, serve --timeout) and was stopped.");
        }
    }

    private RunItem Check(CheckInput input, CancellationToken cancellationToken)
    {
        if (input.Content is null)
        {
            return new RunItem(input.Path, null, input.Error ?? "the content is not text");
        }

        LogChecking(logger, input.Path, input.Content.Length);
        return engine.CheckText(input.Content, input.Format, input.Path, input.Uri, cancellationToken);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Checked {ArticlePath} ({Format}): score {Score}, grade {Grade}, {Findings} findings")]
    private static partial void LogChecked(ILogger logger, string articlePath, string format, int score, string grade, int findings);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Checking {ArticlePath} ({Characters} characters)")]
    private static partial void LogChecking(ILogger logger, string articlePath, int characters);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "{RequestPath} timed out after {TimeoutMs} ms")]
    private static partial void LogTimedOut(ILogger logger, string requestPath, double timeoutMs);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "{RequestPath}: the client went away; its check was cancelled")]
    private static partial void LogAbandoned(ILogger logger, string requestPath);
}
