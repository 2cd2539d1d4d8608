using System.Collections.Immutable;
using Markdig.Extensions.Yaml;
using Provenance.Articles;
using Provenance.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Provenance.Reading;

/// <summary>
/// Reads YAML front matter into article metadata, keeping where each value is in the file.
/// Malformed YAML is a read issue, not a failure: the article is still read without it.
/// </summary>
internal static class FrontMatter
{
    private static readonly Dictionary<string, string> Keys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["title"] = "title", ["headline"] = "title",
        ["author"] = "author", ["authors"] = "author", ["byline"] = "author", ["creator"] = "author",
        ["date"] = "published", ["published"] = "published", ["published_at"] = "published", ["publishdate"] = "published", ["pubdate"] = "published", ["datepublished"] = "published",
        ["updated"] = "modified", ["modified"] = "modified", ["lastmod"] = "modified", ["datemodified"] = "modified", ["updated_at"] = "modified",
        ["canonical"] = "canonical", ["canonical_url"] = "canonical", ["canonicalurl"] = "canonical", ["url"] = "canonical", ["permalink"] = "canonical",
        ["original_url"] = "original", ["originalurl"] = "original", ["original"] = "original", ["source_url"] = "original", ["original_source"] = "original", ["source"] = "original",
        ["description"] = "description", ["summary"] = "description", ["excerpt"] = "description",
        ["tags"] = "tags", ["keywords"] = "tags", ["categories"] = "tags",
        ["site"] = "site", ["site_name"] = "site", ["sitename"] = "site", ["publisher"] = "site",
        ["based_on"] = "basedOn", ["isbasedon"] = "basedOn",
        ["citation"] = "citation", ["citations"] = "citation", ["sources"] = "citation",
        ["digital_source_type"] = "digitalSourceType", ["digitalsourcetype"] = "digitalSourceType",
    };

    public static void Read(string markdown, YamlFrontMatterBlock block, MetadataCollector metadata, ImmutableArray<ReadIssue>.Builder issues)
    {
        if (block.Lines.Count == 0)
        {
            return;
        }

        var lines = block.Lines.Lines;
        var start = lines[0].Slice.Start;
        var end = lines[block.Lines.Count - 1].Slice.End + 1;
        if (start < 0 || end > markdown.Length || end <= start)
        {
            return;
        }

        var yamlText = markdown[start..end];
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yamlText));
        }
        catch (YamlException ex)
        {
            var at = Math.Clamp(start + (int)ex.Start.Index, 0, markdown.Length);
            issues.Add(new ReadIssue($"the front matter is not valid YAML ({FirstLine(ex.Message)}); its metadata was not read", new TextSpan(at, 0)));
            return;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // The YAML library fails on some malformed input with exceptions of its own making.
            issues.Add(new ReadIssue("the front matter is not valid YAML; its metadata was not read", new TextSpan(start, 0)));
            return;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return;
        }

        foreach (var (keyNode, valueNode) in root.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } || !Keys.TryGetValue(key, out var field))
            {
                continue;
            }

            foreach (var (value, offset, length) in Values(valueNode))
            {
                var span = new TextSpan(start + offset, length);
                Assign(metadata, field, value, span);
            }
        }
    }

    private static void Assign(MetadataCollector metadata, string field, string value, TextSpan span)
    {
        var item = new MetadataField(field is "published" or "modified" ? MetadataLines.NormaliseDate(value) : value, span);
        switch (field)
        {
            case "title": metadata.Title ??= item; break;
            case "author": metadata.AddAuthor(item); break;
            case "published": metadata.Published ??= item; break;
            case "modified": metadata.Modified ??= item; break;
            case "canonical": metadata.CanonicalUrl ??= item; break;
            case "original": metadata.OriginalUrl ??= item; break;
            case "description": metadata.Description ??= item; break;
            case "tags": metadata.Tags.Add(item); break;
            case "site": metadata.SiteName ??= item; break;
            case "basedOn": metadata.IsBasedOn.Add(item); break;
            case "citation": metadata.Citations.Add(item); break;
            case "digitalSourceType": metadata.DigitalSourceType ??= item; break;
        }
    }

    // Scalars, sequences of scalars, and mappings with a name or url ("author: {name: Jane}").
    private static IEnumerable<(string Value, int Offset, int Length)> Values(YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode { Value: { Length: > 0 } text } scalar:
                var offset = (int)scalar.Start.Index;
                var quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0;
                yield return (text, offset + quoted, Math.Max(0, Math.Min(text.Length, (int)(scalar.End.Index - scalar.Start.Index) - (2 * quoted))));
                break;
            case YamlSequenceNode sequence:
                foreach (var child in sequence.Children)
                {
                    foreach (var value in Values(child))
                    {
                        yield return value;
                    }
                }

                break;
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is YamlScalarNode { Value: "name" or "url" or "@id" })
                    {
                        foreach (var inner in Values(value))
                        {
                            yield return inner;
                        }

                        yield break;
                    }
                }

                break;
        }
    }

    private static string FirstLine(string message)
    {
        var cut = message.IndexOfAny(['\r', '\n']);
        return cut < 0 ? message : message[..cut];
    }
}
