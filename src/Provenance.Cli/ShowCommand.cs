using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Provenance.Articles;
using Provenance.Hosting;
using Provenance.Reading;

namespace Provenance.Cli;

/// <summary><c>provenance show</c>: prints an article as the reader parsed it, for debugging a finding and for tools.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The article to show (.txt, .md or .html)." };
        var format = new Option<string>("--format", "-f") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("show", "Print an article's metadata and blocks (kind, zone, lines, text) as the reader parsed it.") { file, format };
        command.SetAction(result => Run(result.GetValue(file)!, result.GetValue(format) ?? "text", Console.Out, Console.Error));
        return command;
    }

    internal static int Run(string path, string format, TextWriter output, TextWriter error)
    {
        if (!File.Exists(path))
        {
            error.WriteLine($"provenance: {path}: no such file");
            return ExitCodes.UsageError;
        }

        var articleFormat = ContentFiles.FormatOf(path);
        // The same reading as check's: a huge file is refused by its length, a named pipe is not opened.
        if (ContentFiles.ReadAtMost(path, EngineOptions.DefaultMaxFileBytes, out var length) is not { } bytes)
        {
            error.WriteLine($"provenance: {path}: {ContentFiles.TooLarge(length, EngineOptions.DefaultMaxFileBytes)}");
            return ExitCodes.UsageError;
        }

        var text = ArticleReaders.Decode(bytes, articleFormat, out var problem);
        if (text is null)
        {
            error.WriteLine($"provenance: {path}: {problem}");
            return ExitCodes.UsageError;
        }

        var article = Article.Read(text, articleFormat, path.Replace(Path.DirectorySeparatorChar, '/'));
        if (format == "json")
        {
            WriteJson(article, output);
        }
        else
        {
            WriteText(article, output);
        }

        return ExitCodes.Success;
    }

    private static void WriteText(Article article, TextWriter output)
    {
        var metadata = article.Metadata;
        output.WriteLine($"{article.Path} ({article.Format.ToString().ToLowerInvariant()}, {article.Source.LineCount} lines)");
        foreach (var (name, value) in Fields(metadata))
        {
            output.WriteLine($"  {name + ":",-18} {value}");
        }

        foreach (var block in article.Blocks)
        {
            var span = article.Source.GetLinePositionSpan(block.SourceSpan);
            var lines = span.Start.Line == span.End.Line ? $"{span.Start.Line}" : $"{span.Start.Line}-{span.End.Line}";
            var preview = block.Text.ReplaceLineEndings(" ");
            preview = preview.Length > 80 ? preview[..79] + "…" : preview;
            output.WriteLine($"{lines,7}  {block.Kind,-10} {block.Zone,-6} {preview}");
        }

        foreach (var link in article.Links)
        {
            output.WriteLine($"  link: {link.Text} -> {link.Url ?? link.Href}{(link.Rel.Count == 0 ? string.Empty : $" [{string.Join(' ', link.Rel)}]")}");
        }

        foreach (var issue in article.Issues)
        {
            output.WriteLine($"  issue at line {article.Source.GetLinePosition(issue.Span.Start).Line}: {issue.Message}");
        }
    }

    private static IEnumerable<(string Name, string Value)> Fields(ArticleMetadata metadata)
    {
        yield return ("title", metadata.Title?.Value ?? "-");
        yield return ("authors", metadata.Authors.IsEmpty ? "-" : string.Join(", ", metadata.Authors.Select(a => a.Value)));
        yield return ("published", metadata.Published?.Value ?? "-");
        yield return ("modified", metadata.Modified?.Value ?? "-");
        yield return ("dateline", metadata.Dateline?.Value ?? "-");
        yield return ("site", metadata.SiteName?.Value ?? "-");
        yield return ("canonical", metadata.CanonicalUrl?.Value ?? "-");
        if (metadata.OriginalUrl is not null)
        {
            yield return ("original", metadata.OriginalUrl.Value);
        }

        if (!metadata.IsBasedOn.IsEmpty)
        {
            yield return ("is based on", string.Join(", ", metadata.IsBasedOn.Select(v => v.Value)));
        }

        if (metadata.DigitalSourceType is not null)
        {
            yield return ("digital source", metadata.DigitalSourceType.Value);
        }
    }

    private static void WriteJson(Article article, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("path", article.Path);
            json.WriteString("format", article.Format.ToString().ToLowerInvariant());
            json.WriteStartObject("metadata");
            foreach (var (name, value) in Fields(article.Metadata))
            {
                json.WriteString(name.Replace(" ", string.Empty, StringComparison.Ordinal), value);
            }

            json.WriteEndObject();
            json.WriteString("mainText", string.Join("\n\n", article.Blocks.Where(b => b.Zone == Zone.Main).Select(b => b.Text)));
            json.WriteStartArray("blocks");
            foreach (var block in article.Blocks)
            {
                var span = article.Source.GetLinePositionSpan(block.SourceSpan);
                json.WriteStartObject();
                json.WriteString("kind", block.Kind.ToString().ToLowerInvariant());
                json.WriteString("zone", block.Zone.ToString().ToLowerInvariant());
                json.WriteNumber("line", span.Start.Line);
                json.WriteNumber("endLine", span.End.Line);
                json.WriteString("text", block.Text);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("links");
            foreach (var link in article.Links)
            {
                json.WriteStartObject();
                json.WriteString("text", link.Text);
                json.WriteString("href", link.Href);
                if (link.Domain is not null)
                {
                    json.WriteString("domain", link.Domain);
                }

                json.WriteStartArray("rel");
                foreach (var rel in link.Rel)
                {
                    json.WriteStringValue(rel);
                }

                json.WriteEndArray();
                json.WriteNumber("line", article.Source.GetLinePosition(link.Span.Start).Line);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("issues");
            foreach (var issue in article.Issues)
            {
                json.WriteStringValue(issue.Message);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
