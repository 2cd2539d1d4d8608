using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Provenance.Service;

/// <summary>When an API key is configured, <c>/v1/</c> requests must carry it in <c>X-Api-Key</c>; the page, health and OpenAPI stay open.</summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, IOptions<ServiceOptions> options)
{
    public const string Header = "X-Api-Key";

    private readonly byte[]? _key = options.Value.ApiKey is { Length: > 0 } key ? Encoding.UTF8.GetBytes(key) : null;

    public Task InvokeAsync(HttpContext http)
    {
        if (_key is null || !http.Request.Path.StartsWithSegments("/v1", StringComparison.Ordinal))
        {
            return next(http);
        }

        var given = http.Request.Headers[Header].ToString();
        if (given.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), _key))
        {
            return next(http);
        }

        var result = Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "API key required",
            detail: given.Length == 0 ? $"This service needs an API key in the {Header} header." : $"The {Header} header does not hold this service's API key.");
        return result.ExecuteAsync(http);
    }
}
