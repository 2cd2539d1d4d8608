namespace Provenance.Hosting;

/// <summary>Content is longer than the limit it was read under.</summary>
public sealed class ContentTooLargeException : IOException
{
    /// <summary>Creates the exception for <paramref name="limit"/> bytes.</summary>
    public ContentTooLargeException(long limit)
        : base($"the content is larger than the limit of {limit:N0} bytes")
    {
        Limit = limit;
    }

    /// <summary>The limit, in bytes.</summary>
    public long Limit { get; }
}
