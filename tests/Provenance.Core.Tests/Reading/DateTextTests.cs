using Provenance.Reading;

namespace Provenance.Core.Tests.Reading;

/// <summary>Dates as the test pages and the development articles write them, normalised to the day they name.</summary>
public sealed class DateTextTests
{
    [Theory]
    [InlineData("March 11, 2015 3:46 PM", "2015-03-11")]
    [InlineData("22 Dec 2016", "2016-12-22")]
    [InlineData("22 Dec, 2016", "2016-12-22")]
    [InlineData("11/19/16, 3:14 PM CET", "2016-11-19")]
    [InlineData("2016-12-01T23:29:49.000Z", "2016-12-01")]
    [InlineData("2015-07-24T05:36:09+01:00", "2015-07-24")]
    [InlineData("2019-04-28 06:01:07", "2019-04-28")]
    [InlineData("Sept. 25, 2018", "2018-09-25")]
    [InlineData("JAN. 13, 2017", "2017-01-13")]
    [InlineData("Sunday, Feb 1, 2015 11:57 AM UTC", "2015-02-01")]
    [InlineData("Thu 3 Jan 2019 02.00 EST", "2019-01-03")]
    [InlineData("Dec 28 Sat 2013 00:28", "2013-12-28")]
    [InlineData("Fri Mar 13 21:30:09 EST 2015", "2015-03-13")]
    [InlineData("posted on April 21, 2015, at 11:29 a.m.", "2015-04-21")]
    [InlineData("Tuesday 15 October 2019 by Bradley M. Kuhn", "2019-10-15")]
    [InlineData("05/29/2007 09:49:00", "2007-05-29")]
    [InlineData("3/09/15 8:00am", "2015-03-09")]
    [InlineData("2/26/2015 7:11 AM PST BY TMZ STAFF", "2015-02-26")]
    [InlineData("08.04.2015 12:46", "2015-04-08")]
    [InlineData("10.15.15", "2015-10-15")]
    [InlineData("2016年10月14日07:17", "2016-10-14")]
    [InlineData("Joe Wee Monday, February 29, 2016 @ 11:10 PM UTC", "2016-02-29")]
    public void Written_dates_are_read_as_the_day_they_name(string text, string day)
    {
        DateText.Find(text).ShouldNotBeNull(text).Day.ShouldBe(day);
        MetadataLines.NormaliseDate(text).ShouldBe(day);
    }

    [Theory]
    [InlineData("1:39 PM ET")]
    [InlineData("8h")]
    [InlineData("1 day ago")]
    [InlineData("3/9(木) 18:45")]
    [InlineData("February 30, 2016")]
    [InlineData("Version 5.3 of the app")]
    [InlineData("comment_date")]
    [InlineData("")]
    public void Text_without_a_whole_date_names_none(string text)
    {
        DateText.Find(text).ShouldBeNull();
        MetadataLines.NormaliseDate(text).ShouldBe(text.Trim());
    }

    [Fact]
    public void The_date_is_found_where_it_stands()
    {
        var found = DateText.Find("By Joshua Sokol May 20, 2019").ShouldNotBeNull();
        "By Joshua Sokol May 20, 2019".Substring(found.Index, found.Length).ShouldBe("May 20, 2019");
    }
}
