using System.CommandLine;
using Provenance.Articles;

namespace Provenance.Cli;

/// <summary><c>provenance show</c>: prints an article as the reader parsed it, for debugging a finding.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The article to show." };
        var command = new Command("show", "Print an article's metadata and blocks (kind, zone, lines, text) as the reader parsed it.") { file };
        command.SetAction(result => Run(result.GetValue(file)!, Console.Out, Console.Error));
        return command;
    }

    internal static int Run(string path, TextWriter output, TextWriter error)
    {
        if (!File.Exists(path))
        {
            error.WriteLine($"provenance: {path}: no such file");
            return ExitCodes.UsageError;
        }

        var text = TextDecoder.Decode(File.ReadAllBytes(path), out var problem);
        if (text is null)
        {
            error.WriteLine($"provenance: {path}: {problem}");
            return ExitCodes.UsageError;
        }

        var article = Article.FromText(text, path);
        var metadata = article.Metadata;
        output.WriteLine($"{path} ({article.Format.ToString().ToLowerInvariant()}, {article.Source.LineCount} lines)");
        output.WriteLine($"  title:     {metadata.Title?.Value ?? "-"}");
        output.WriteLine($"  authors:   {(metadata.Authors.IsEmpty ? "-" : string.Join(", ", metadata.Authors.Select(a => a.Value)))}");
        output.WriteLine($"  published: {metadata.Published?.Value ?? "-"}");
        output.WriteLine($"  dateline:  {metadata.Dateline?.Value ?? "-"}");
        foreach (var block in article.Blocks)
        {
            var span = article.Source.GetLinePositionSpan(block.SourceSpan);
            var lines = span.Start.Line == span.End.Line ? $"{span.Start.Line}" : $"{span.Start.Line}-{span.End.Line}";
            var preview = block.Text.ReplaceLineEndings(" ");
            preview = preview.Length > 80 ? preview[..79] + "…" : preview;
            output.WriteLine($"{lines,7}  {block.Kind,-10} {block.Zone,-6} {preview}");
        }

        return ExitCodes.Success;
    }
}
