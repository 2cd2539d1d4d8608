using System.Text.RegularExpressions;
using Provenance.Reading;
using Provenance.Tests;

namespace Provenance.Core.Tests.Reading;

/// <summary>
/// The date-stamp and byline expressions are asked of every line, and a look at a line's first
/// characters answers first for nearly all of them. That look must never turn away a line the
/// expression matches.
/// </summary>
public sealed class MetadataLinesTests
{
    [Fact]
    public void Looking_first_finds_what_the_expressions_find()
    {
        string[] crafted =
        [
            "Published: March 21, 2024", "PUBLISHED ON 21 March 2024", "date 2024-03-21", "Dated 2024/03/21 10:30 GMT",
            "posted on Mar. 3, 2024", "Updated: 2024-03-21T09:30", "LAST UPDATED 2024-03-21", "last\tupdated 1 May 2024",
            "By Jane Doe", "BY JANE DOE", "by\tJane Doe and John Roe, Reuters", "By Jane Doe | Staff", "Byline Jane", "By",
            "By: Laurie Oakes", "Written by Rob Ewaschuk", "Posted by Alon Zakai.", "Par Sébastien Farcis", "von Jane Doe", "di Mario Rossi",
            "Reported by Jane Doe", "Story by Jane Doe", "Text by Jane Doe", "Words by Jane Doe",
            "bY  Maria de la Cruz", "The date 2024-03-21", " By Jane Doe", "", "d", "u 2024-03-21", "Lately 2024-03-21",
        ];
        var lines = RepoPaths.SamplesAndTestPages.SelectMany(File.ReadLines).Select(l => l.Trim()).Concat(crafted).ToList();
        var (dates, bylines) = (0, 0);
        foreach (var line in lines)
        {
            Same(MetadataLines.MatchDatePrefix(line), MetadataLines.DatePrefix().Match(line), line);
            var names = BylineText.Names(line, requirePrefix: true);
            MetadataLines.ReadByline(line).ShouldBe(names, line);
            dates += MetadataLines.DatePrefix().IsMatch(line) ? 1 : 0;
            bylines += names.Count > 0 ? 1 : 0;
        }

        // The comparison says something only if both kinds of line were among them.
        dates.ShouldBeGreaterThan(8);
        bylines.ShouldBeGreaterThan(8);
    }

    private static void Same(Match looked, Match plain, string line)
    {
        looked.Success.ShouldBe(plain.Success, line);
        (looked.Index, looked.Length).ShouldBe((plain.Index, plain.Length), line);
    }

    [Theory]
    [InlineData("DeepMind已将其研究结果发表在科学刊物《自然》（Nature）上。（编译/林靖东）", "林靖东")]
    [InlineData("会议于周一举行。（记者 张三 李四）", "张三|李四")]
    [InlineData("会议于周一举行。(记者 张三 通讯员 李四)", "张三|李四")]
    [InlineData("会议于周一举行。（作者：王小明）", "王小明")]
    public void A_chinese_closing_credit_names_the_writers(string paragraph, string names) =>
        MetadataLines.ClosingCredit(paragraph).Select(n => paragraph.Substring(n.Start, n.Length)).ShouldBe(names.Split('|'));

    [Theory]
    [InlineData("会议于周一举行。（责任编辑：alonliu）")]
    [InlineData("会议于周一举行。（来源：新华社）")]
    [InlineData("会议由文化部主办（文化部）")]
    [InlineData("会议于周一举行。（图/张三）")]
    [InlineData("The council met on Monday (by Jane Doe)")]
    public void An_editor_a_source_or_a_bracketed_aside_is_no_closing_credit(string paragraph) =>
        MetadataLines.ClosingCredit(paragraph).ShouldBeEmpty();
}
