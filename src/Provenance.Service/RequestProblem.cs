namespace Provenance.Service;

/// <summary>A request the service refuses, with the status and the problem-details text it answers with.</summary>
internal sealed class RequestProblem(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    public IResult ToResult() => Results.Problem(statusCode: Status, title: Title, detail: Message);

    public static RequestProblem BadRequest(string detail) => new(StatusCodes.Status400BadRequest, "Bad request", detail);

    public static RequestProblem TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The body is larger than the limit of {limit:N0} bytes (Provenance:Service:MaxRequestBytes, serve --max-request-size).");
}
