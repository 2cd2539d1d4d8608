using System.ComponentModel;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Provenance.Hosting;

namespace Provenance.Service;

/// <summary>
/// <c>POST /v1/archive/search</c>: has this text, or most of it, been published before, and where?
/// The article is read and checked as <c>/v1/check</c> reads it (so its furniture — bios, credits,
/// newsletter prompts — is left out of its print), then looked up in the archive the service was
/// given (<see cref="ServiceOptions.Archive"/>), opened read-only for each request so that
/// <c>provenance index add</c> can add to it meanwhile.
/// </summary>
internal sealed partial class ArchiveEndpoints(ProvenanceEngine engine, IOptions<ServiceOptions> options, ILogger<ArchiveEndpoints> logger)
{
    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "The archive {ArchivePath} could not be searched")]
    private static partial void LogArchiveFailed(ILogger logger, string archivePath, Exception exception);

    private readonly ServiceOptions _options = options.Value;

    /// <summary>Look an article up in the archive</summary>
    public static Task<IResult> SearchAsync(
        HttpContext http,
        [FromServices] ArchiveEndpoints archive,
        [FromQuery, Description("The name the article goes by (a body that is not JSON). Default article and the format's extension.")] string? path = null,
        [FromQuery, Description("Where the article was published (absolute http or https), for its site (a body that is not JSON). Never fetched.")] string? uri = null) =>
        archive.SearchAsync(http, path, uri);

    private async Task<IResult> SearchAsync(HttpContext http, string? path, string? uri)
    {
        if (_options.Archive is not { Length: > 0 } file)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No archive", detail: "The service was started without an archive (serve --archive FILE, Provenance:Service:Archive).");
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        budget.CancelAfter(_options.RequestTimeout);
        try
        {
            var input = await CheckRequestReader.ReadSingleAsync(http.Request, path, uri, _options, budget.Token).ConfigureAwait(false);
            var item = input.Content is null ? null : engine.CheckText(input.Content, input.Format, input.Path, input.Uri, budget.Token);
            if (item?.Report is not { } report)
            {
                return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Not an article", detail: $"{input.Path}: {item?.Error ?? input.Error ?? "the content is not text"}");
            }

            using var archive = CopyArchive.Open(file, readOnly: true);
            var print = CopyCollector.PrintOf(report);
            budget.Token.ThrowIfCancellationRequested();
            var matches = print is var (own, _) ? archive.Find(own, engine.CopyOptions()) : [];
            var answer = CopyJson.Document(json =>
            {
                json.WriteStartObject();
                json.WriteString("archive", Path.GetFileName(file));
                json.WriteNumber("archived", archive.Count);
                json.WriteString("path", report.Article.Path);
                json.WriteString("title", report.Article.Metadata.Title?.Value);
                json.WriteBoolean("compared", print is not null);
                CopyJson.WriteMatches(json, matches);
                json.WriteEndObject();
            });
            return Results.Text(answer, "application/json", Encoding.UTF8);
        }
        catch (RequestProblem problem)
        {
            return problem.ToResult();
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return Results.Empty;
        }
        catch (OperationCanceledException)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Search timed out",
                detail: $"The request took longer than its budget of {_options.RequestTimeout.TotalSeconds:0.###} s (Provenance:Service:RequestTimeout, serve --timeout) and was stopped.");
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or Microsoft.Data.Sqlite.SqliteException)
        {
            // The server's paths stay in its log; the client learns which archive failed.
            LogArchiveFailed(logger, file, ex);
            return Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Archive unreadable", detail: $"The archive {Path.GetFileName(file)} could not be searched; the service's log says why.");
        }
    }
}
