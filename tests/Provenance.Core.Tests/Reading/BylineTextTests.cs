using Provenance.Reading;

namespace Provenance.Core.Tests.Reading;

/// <summary>
/// Names out of bylines as real pages and articles write them (the forms come from the HTML test
/// pages and the development articles): the date, time, handle, job title, affiliation, degree and
/// reviewer are not names, and a sentence that opens "By" is no byline.
/// </summary>
public sealed class BylineTextTests
{
    [Theory]
    [InlineData("by Lucas Nolan 22 Dec 2016 651", "Lucas Nolan")]
    [InlineData("Lucas Nolan22 Dec 2016651", "Lucas Nolan")]
    [InlineData("By GILLIAN MOHNEY March 11, 2015 3:46 PM Good Morning America", "GILLIAN MOHNEY")]
    [InlineData("Joshua Sokol May 20, 2019", "Joshua Sokol")]
    [InlineData("Benjamin Romano Seattle Times business reporter", "Benjamin Romano")]
    [InlineData("Sarah Archer 1:39 PM ET", "Sarah Archer")]
    [InlineData("by: Laurie Oakes From: Herald Sun March 13, 2015 9:00PM", "Laurie Oakes")]
    [InlineData("Par Sébastien Farcis", "Sébastien Farcis")]
    [InlineData("by Ahiza Garcia @ahiza_garcia February 1, 2016: 12:41 PM ET", "Ahiza Garcia")]
    [InlineData("James Akinaka • 8h", "James Akinaka")]
    [InlineData("Dan Goodin - Apr 16, 2015 8:02 pm UTC", "Dan Goodin")]
    [InlineData("Written by Rob Ewaschuk Edited by Betsy Beyer", "Rob Ewaschuk")]
    [InlineData("By Brenda Goodman, MA WebMD Health News", "Brenda Goodman")]
    [InlineData("By Daniel Kahn Gillmor , Senior Staff Technologist, ACLU Speech, Privacy, and Technology Project", "Daniel Kahn Gillmor")]
    [InlineData("Bradley M. Kuhn (http://ebb.org/bkuhn/)", "Bradley M. Kuhn")]
    [InlineData("Richard (R.J.) Eskow", "Richard (R.J.) Eskow")]
    [InlineData("Joe Wee Monday, February 29, 2016 @ 11:10 PM UTC", "Joe Wee")]
    [InlineData("By Lucy Akins eHow Contributor", "Lucy Akins")]
    [InlineData("Patrick Allan Profile Follow Unfollow", "Patrick Allan")]
    [InlineData("By Jeff Rainforth Like Jeff on Facebook Follow Jeff on Twitter", "Jeff Rainforth")]
    [InlineData("BY: Chandler Gill for Washington Free Beacon:", "Chandler Gill")]
    [InlineData("By Alex Heath, a deputy editor and author of the Command Line newsletter.", "Alex Heath")]
    [InlineData("BY Maïa de La Baume", "Maïa de La Baume")]
    [InlineData("Posted by Alon Zakai.", "Alon Zakai")]
    [InlineData("TMZ STAFF", "TMZ STAFF")]
    [InlineData("Our Foreign Staff", "Our Foreign Staff")]
    [InlineData("史蒂文的家_藍天 發表在 痞客邦 PIXNET 留言(42) 人氣(23925)", "史蒂文的家_藍天")]
    public void One_name_is_read_out_of_a_byline(string byline, string name) => Names(byline).ShouldBe([name]);

    [Theory]
    [InlineData("By Jane Doe and John Roe", "Jane Doe|John Roe")]
    [InlineData("Jane Doe, John Roe", "Jane Doe|John Roe")]
    [InlineData("By Jane Doe, John Roe and Ann Poe, Reuters", "Jane Doe|John Roe|Ann Poe")]
    [InlineData("BY Ryan Heath, Tara Palmeri, Harry Cooper and Quentin Ariès", "Ryan Heath|Tara Palmeri|Harry Cooper|Quentin Ariès")]
    [InlineData("BY JANE DOE AND JOHN ROE", "JANE DOE|JOHN ROE")]
    [InlineData("Martin Untersinger (avec Damien Leloup et Morgane Tual)", "Martin Untersinger|Damien Leloup|Morgane Tual")]
    [InlineData("By Jane Doe & John Roe, Associated Press", "Jane Doe|John Roe")]
    public void Several_authors_are_split(string byline, string names) => Names(byline).ShouldBe(names.Split('|'));

    [Fact]
    public void A_photographer_credited_beside_the_writer_is_not_an_author() =>
        Names("Eleanor Ainge Roy (reporting) and Adrian Malloch (photography)").ShouldBe(["Eleanor Ainge Roy"]);

    [Theory]
    [InlineData("on Deadspin")]
    [InlineData("Matt Bai The real problem behind fake news")]
    [InlineData("Seattle Times business reporter")]
    [InlineData("Mark Di Stefano BuzzFeed News Reporter")]
    [InlineData("Last Updated: January 7, 2025")]
    [InlineData("About the author Scott Cunningham Senior Vice President of Technology")]
    [InlineData("A note from Sleyca")]
    [InlineData("Follow Author")]
    [InlineData("作者：")]
    [InlineData("1 day ago")]
    public void Furniture_and_prose_name_no_one(string text) => Names(text).ShouldBeEmpty();

    [Theory]
    [InlineData("By holding a mock-debate.")]
    [InlineData("By Tuesday, the council will vote.")]
    [InlineData("By God, he said.")]
    [InlineData("By 2030 the city will have grown.")]
    [InlineData("Von Miller sacked the quarterback twice.")]
    [InlineData("Byline Jane")]
    [InlineData("Jane Doe")]
    public void A_line_that_opens_with_by_but_names_no_one_is_no_byline(string line) => MetadataLines.ReadByline(line).ShouldBeEmpty();

    [Theory]
    [InlineData("by @lazharichir", "lazharichir")]
    [InlineData("By @jane_doe on June 3, 2019", "jane_doe")]
    [InlineData("By: @j.roe", "j.roe")]
    public void A_byline_that_credits_only_a_handle_names_the_handle(string line, string name)
    {
        var names = MetadataLines.ReadByline(line);
        names.Select(n => line.Substring(n.Start, n.Length)).ShouldBe([name]);
    }

    [Theory]
    [InlineData("By @elonmusk's count the deal is off")]
    [InlineData("By @nytimes reporters in the field")]
    [InlineData("Jane Doe @janedoe")]
    public void A_handle_in_a_sentence_or_after_a_name_is_not_the_credit(string line) =>
        MetadataLines.ReadByline(line).Select(n => line.Substring(n.Start, n.Length)).ShouldNotContain(n => n.StartsWith("elonmusk") || n.StartsWith("nytimes") || n.StartsWith("janedoe"));

    [Fact]
    public void Only_by_itself_opens_a_byline_below_the_first_paragraph()
    {
        BylineText.OpensWithBy("BY Chris Spillane").ShouldBeTrue();
        BylineText.OpensWithBy("By: Jane Doe").ShouldBeTrue();
        BylineText.OpensWithBy("Posted by Todd Zimmer on Wednesday, September 21, 2016").ShouldBeFalse();
        BylineText.OpensWithBy("Byron Smith").ShouldBeFalse();
    }

    private static List<string> Names(string text) =>
        [.. BylineText.Names(text, requirePrefix: false).Select(n => text.Substring(n.Start, n.Length))];
}
