using Provenance.Hosting;

namespace Provenance.Cli.Tests;

/// <summary>The diff <c>fix --dry-run</c> prints is one <c>patch</c> applies: the counts and the end of the file as <c>diff -u</c> writes them.</summary>
public sealed class UnifiedDiffTests
{
    [Fact]
    public void A_file_ending_in_a_newline_has_no_empty_last_line()
    {
        var before = "Council delays vote\n\nThe council said on Monday it would wait.\n\nLeave a Reply\n";
        var after = "Council delays vote\n\nThe council said on Monday it would wait.\n\n";
        UnifiedDiff.Create("story.txt", before, after).ShouldBe(
            "--- a/story.txt\n+++ b/story.txt\n@@ -3,3 +3,2 @@\n The council said on Monday it would wait.\n \n-Leave a Reply\n");
    }

    [Fact]
    public void A_file_without_a_final_newline_says_so()
    {
        UnifiedDiff.Create("story.txt", "One\nTwo\nLeave a Reply", "One\nTwo\n").ShouldBe(
            "--- a/story.txt\n+++ b/story.txt\n@@ -1,3 +1,2 @@\n One\n Two\n-Leave a Reply\n\\ No newline at end of file\n");
    }

    [Fact]
    public void Changes_far_apart_are_separate_hunks_and_near_ones_one()
    {
        var lines = Enumerable.Range(1, 20).Select(i => $"Line {i}.").ToList();
        var before = string.Join('\n', lines) + "\n";
        var after = string.Join('\n', lines.Where(l => l is not ("Line 3." or "Line 6." or "Line 17."))) + "\n";
        var diff = UnifiedDiff.Create("a.txt", before, after);
        diff.Split('\n').Where(l => l.StartsWith("@@", StringComparison.Ordinal)).ShouldBe(["@@ -1,8 +1,6 @@", "@@ -15,5 +13,4 @@"]);
    }

    [Theory]
    [InlineData("A\nB", "A", "@@ -1,2 +1,1 @@\n-A\n-B\n\\ No newline at end of file\n+A\n\\ No newline at end of file\n")]
    [InlineData("\n", "", "@@ -1,1 +0,0 @@\n-\n")]
    [InlineData("x\n\n", "x\n", "@@ -1,2 +1,1 @@\n x\n-\n")]
    public void Final_newlines_and_empty_lines_are_told_apart_as_diff_u_tells_them(string before, string after, string hunks)
    {
        // Checked against GNU diff -U2 (which writes a count of 1 as "+1" where this writes "+1,1"; patch reads both).
        UnifiedDiff.Create("f", before, after).ShouldBe("--- a/f\n+++ b/f\n" + hunks);
    }
}
