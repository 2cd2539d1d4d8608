using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Provenance.Service;

/// <summary>One structured log line per request: method, path, status, bytes and time. Bodies are never logged.</summary>
internal sealed partial class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(http).ConfigureAwait(false);
        }
        finally
        {
            LogRequest(logger, http.Request.Method, http.Request.Path, http.Response.StatusCode, http.Request.ContentLength ?? 0, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "HTTP {Method} {RequestPath} responded {StatusCode} ({RequestBytes} bytes in) in {ElapsedMs:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string method, string requestPath, int statusCode, long requestBytes, double elapsedMs);
}
