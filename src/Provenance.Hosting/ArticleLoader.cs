using Provenance.Articles;
using Provenance.Reading;

namespace Provenance.Hosting;

/// <summary>Reads articles from streams and files, asynchronously, decoding their bytes as <see cref="TextDecoder"/> does.</summary>
public static class ArticleLoader
{
    /// <summary>Article file extensions and the format each is read as.</summary>
    public static IReadOnlyDictionary<string, ArticleFormat> Extensions => ArticleReaders.Extensions;

    /// <summary>The format a file name's extension implies (<see cref="Extensions"/>), plain text for any other.</summary>
    public static ArticleFormat FormatOf(string path) => ContentFiles.FormatOf(path);

    /// <summary>Reads an article from <paramref name="stream"/> (at most <paramref name="maxBytes"/> bytes).</summary>
    /// <param name="stream">The article's bytes; left open.</param>
    /// <param name="format">How to read it.</param>
    /// <param name="path">The name findings are reported against.</param>
    /// <param name="uri">Where the article was published, for resolving its links; never fetched.</param>
    /// <param name="maxBytes">The most bytes accepted.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <exception cref="ContentTooLargeException">The content is longer than <paramref name="maxBytes"/>.</exception>
    /// <exception cref="InvalidDataException">The content is not text.</exception>
    public static async Task<Article> ReadAsync(Stream stream, ArticleFormat format, string path = "-", Uri? uri = null, long maxBytes = long.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = await ReadBytesAsync(stream, maxBytes, cancellationToken).ConfigureAwait(false);
        var text = ArticleReaders.Decode(bytes, format, out var problem)
            ?? throw new InvalidDataException($"{path}: {problem}");
        return Article.Read(text, format, path, uri);
    }

    /// <summary>Reads the article in a file, its format from its extension unless given.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The file is not text.</exception>
    public static async Task<Article> ReadFileAsync(string file, ArticleFormat? format = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, useAsync: true);
        return await ReadAsync(stream, format ?? FormatOf(file), file, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads an article from a stream and checks it.</summary>
    public static async Task<ArticleReport> CheckAsync(this ProvenanceChecker checker, Stream stream, ArticleFormat format, string path = "-", Uri? uri = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checker);
        var article = await ReadAsync(stream, format, path, uri, cancellationToken: cancellationToken).ConfigureAwait(false);
        return checker.Check(article, cancellationToken);
    }

    /// <summary>Reads <paramref name="stream"/> to its end, stopping as soon as it passes <paramref name="maxBytes"/>.</summary>
    /// <exception cref="ContentTooLargeException">The stream holds more than <paramref name="maxBytes"/> bytes.</exception>
    public static async Task<byte[]> ReadBytesAsync(Stream stream, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new ContentTooLargeException(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
