using System.Collections.Immutable;
using Provenance.Articles;
using Provenance.Json;

namespace Provenance.Rules;

/// <summary>
/// Where in the article a block must sit for a rule to read it, beyond its scope: among the first
/// N paragraphs (the lead), within the last K non-empty lines, or of given block kinds.
/// </summary>
/// <param name="Lead">Only the first N paragraphs of the main zone, when set.</param>
/// <param name="LastLines">Only blocks that start in the last K non-empty lines, when set.</param>
/// <param name="Kinds">Only blocks of these kinds, when not empty.</param>
public sealed record BlockFilter(int? Lead, int? LastLines, ImmutableArray<BlockKind> Kinds)
{
    internal static readonly IReadOnlyCollection<string> Keys = ["lead", "lastLines", "blocks"];

    /// <summary>Block kind names as rule files write them.</summary>
    public static IReadOnlyDictionary<string, BlockKind> KindNames { get; } = new Dictionary<string, BlockKind>(StringComparer.Ordinal)
    {
        ["title"] = BlockKind.Title,
        ["standfirst"] = BlockKind.Standfirst,
        ["heading"] = BlockKind.Heading,
        ["paragraph"] = BlockKind.Paragraph,
        ["list-item"] = BlockKind.ListItem,
        ["quote"] = BlockKind.Quote,
        ["byline"] = BlockKind.Byline,
        ["metadata"] = BlockKind.Metadata,
        ["footer"] = BlockKind.Footer,
    };

    internal static BlockFilter? Read(ObjectReader rule)
    {
        if (rule.Object("where", Keys) is not { } reader)
        {
            return null;
        }

        var lead = reader.Integer("lead", min: 1, max: 1000);
        var lastLines = reader.Integer("lastLines", min: 1, max: 10000);
        var names = reader.Strings("blocks");
        var kinds = ImmutableArray.CreateBuilder<BlockKind>();
        for (var i = 0; i < names.Length; i++)
        {
            if (KindNames.TryGetValue(names[i], out var kind))
            {
                kinds.Add(kind);
            }
            else
            {
                reader.Context.Error(JsonPositions.Index(reader.ChildPath("blocks"), i), $"expected one of {string.Join(", ", KindNames.Keys)}; found \"{names[i]}\"");
            }
        }

        return new BlockFilter(lead, lastLines, kinds.ToImmutable());
    }

    internal bool Includes(ArticleLayout layout, int blockIndex)
    {
        var block = layout.Article.Blocks[blockIndex];
        if (!Kinds.IsDefaultOrEmpty && !Kinds.Contains(block.Kind))
        {
            return false;
        }

        if (Lead is { } lead && (layout.ParagraphOrdinal(blockIndex) is not { } ordinal || ordinal >= lead))
        {
            return false;
        }

        return LastLines is not { } last || layout.StartOffset(blockIndex) >= layout.StartOfLastNonEmptyLines(last);
    }
}
