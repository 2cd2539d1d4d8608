using System.Globalization;
using Provenance.Articles;
using Provenance.Reading.Html;

namespace Provenance.Core.Tests.Reading;

/// <summary>
/// Bylines and dates read from the markup real pages use (each snippet is modelled on one of the
/// HTML test pages): the article's own, not a teaser's, a sidebar's, a video's or a comment's.
/// </summary>
public sealed class HtmlBylineAndDateTests
{
    private const string Body = "<p>The council met on Monday and, after a long and heated debate that ran late into the evening, agreed a budget for the coming year.</p><p>The mayor said the vote was close, and that the council would publish its report next week with all the figures.</p>";

    [Fact]
    public void A_body_meta_that_names_the_date_two_ways_dates_the_article()
    {
        // nytimes: <meta property="article:published" itemprop="datePublished" content=…> in the body.
        var m = Read($"<html><head><title>Budget</title></head><body><meta property=\"article:published\" itemprop=\"datePublished\" content=\"2017-01-13T00:00:04-05:00\" /><article><h1>Budget</h1>{Body}</article></body></html>");
        m.Published!.Value.ShouldBe("2017-01-13");
    }

    [Fact]
    public void A_time_marked_as_published_by_its_content_dates_the_article()
    {
        // cnet: the <time> has itemprop and content, no datetime.
        var m = Read($"<html><body><article><h1>Budget</h1><div class=\"authorInfo\"><a rel=\"author\" href=\"/p\">Steven Musil</a><time class=\"timeStamp\" itemprop=\"datePublished\" content=\"2017-01-18T23:00:00-0800\">January 18, 2017 11:00 PM PST</time></div>{Body}</article></body></html>");
        m.Published!.Value.ShouldBe("2017-01-18");
        m.Authors.Select(a => a.Value).ShouldBe(["Steven Musil"]);
    }

    [Fact]
    public void The_time_in_the_byline_dates_the_article_and_a_comments_time_does_not()
    {
        // ars-1: the <time> sits in the byline, outside the body's container.
        var m = Read($"<html><body><header><h1>Budget</h1><p class=\"byline\" itemprop=\"author creator\"><a href=\"/a\"><span>Dan Goodin</span></a> - <time class=\"date\" datetime=\"2015-04-16T20:02:01+00:00\">Apr 16, 2015 8:02 pm UTC</time></p></header><div class=\"article-content\">{Body}</div></body></html>");
        m.Published!.Value.ShouldBe("2015-04-16");
        m.Authors.Select(a => a.Value).ShouldBe(["Dan Goodin"]);

        var undated = Read($"<html><body><article><h1>Budget</h1>{Body}</article><section id=\"comments\"><div class=\"comment\"><cite class=\"author fn\">Alan Goodale</cite> wrote on <time datetime=\"2020-12-24\">December 24, 2020</time>: Nice.</div></section></body></html>");
        undated.Published.ShouldBeNull();
        undated.Authors.ShouldBeEmpty();
    }

    [Fact]
    public void A_videos_date_is_not_the_articles()
    {
        // yahoo-3: a VideoObject's datePublished comes first in the page, the Article's later.
        var m = Read($"<html><body><h1>Flag photo</h1><div itemscope itemtype=\"https://schema.org/VideoObject\"><meta itemprop=\"datePublished\" content=\"2015-03-12T13:11:07Z\" /></div><div class=\"body\" itemscope itemtype=\"https://schema.org/Article\"><meta itemprop=\"datePublished\" content=\"2015-03-11T19:46:14Z\" />{Body}</div></body></html>");
        m.Published!.Value.ShouldBe("2015-03-11");
    }

    [Fact]
    public void A_time_marked_as_the_last_change_is_not_the_publication()
    {
        var m = Read($"<html><body><article><h1>Budget</h1><time datetime=\"2016-09-14T07:07:00-04:00\" itemprop=\"dateModified\">Last updated September 14, 2016</time>{Body}</article></body></html>");
        m.Published.ShouldBeNull();
        m.Modified!.Value.ShouldBe("2016-09-14");
    }

    [Fact]
    public void A_date_written_in_the_byline_dates_the_article_and_leaves_the_name()
    {
        // quanta-1: "By Joshua Sokol May 20, 2019", no machine-readable date.
        var m = Read($"<html><body><div class=\"post\"><h1>Budget</h1><h6 class=\"byline\"><em class=\"byline__by\">By</em> <span class=\"byline__author\">Joshua Sokol</span> <span class=\"post__date\">May 20, 2019</span></h6>{Body}</div></body></html>");
        m.Published!.Value.ShouldBe("2019-05-20");
        m.Authors.Select(a => a.Value).ShouldBe(["Joshua Sokol"]);
    }

    [Fact]
    public void A_byline_written_after_the_date_is_read()
    {
        // tmz-1: the date element holds the byline.
        var m = Read($"<html><body><div class=\"article\"><h1>Budget</h1><h5 class=\"article-posted-date\">2/26/2015 7:11 AM PST BY TMZ STAFF</h5>{Body}</div></body></html>");
        m.Published!.Value.ShouldBe("2015-02-26");
        m.Authors.Select(a => a.Value).ShouldBe(["TMZ STAFF"]);
    }

    [Fact]
    public void A_byline_written_in_words_after_the_date_in_the_head_is_read()
    {
        // topicseed-1: no element is marked as the byline, and it credits a handle.
        var m = Read($"<html><body><article><div class=\"header\"><h1>Budget</h1><p class=\"excerpt\">The council agreed a budget.</p><ul><li><small>On <!-- -->6/13/2018<!-- --> by <!-- -->@lazharichir</small></li></ul></div>{Body}</article></body></html>");
        m.Authors.Select(a => a.Value).ShouldBe(["lazharichir"]);
    }

    [Fact]
    public void A_by_inside_a_sentence_or_a_headline_in_the_head_is_no_byline()
    {
        var standfirst = Read($"<html><body><article><div class=\"header\"><h1>Budget</h1><p class=\"excerpt\">A report released by <a href=\"/hrw\">Human Rights Watch</a> criticised it.</p></div>{Body}</article></body></html>");
        standfirst.Authors.ShouldBeEmpty();

        var headline = Read($"<html><body><article><div class=\"header\"><h1>Budget passed by <em>Council Members</em></h1></div>{Body}</article></body></html>");
        headline.Authors.ShouldBeEmpty();
    }

    [Fact]
    public void A_lone_by_between_the_works_title_and_a_name_credits_the_name()
    {
        // royal-road: "Super Supportive by Sleyca" above the chapter's headline, in three elements.
        var m = Read($"<html><body><div class=\"fic-header\"><a href=\"/fiction/1\"><h2>Super Supportive</h2></a> <span>by</span> <h3><a href=\"/profile/1\">Sleyca</a></h3><h1>ONE HUNDRED TWO: What kind of wordchain?</h1></div><div class=\"chapter\">{Body}</div></body></html>");
        m.Authors.Select(a => a.Value).ShouldBe(["Sleyca"]);

        var sentence = Read($"<html><body><div class=\"fic-header\"><h2>Super Supportive</h2> <span>by</span> <h3>the light of the moon</h3><h1>ONE HUNDRED TWO: What kind of wordchain?</h1></div><div class=\"chapter\">{Body}</div></body></html>");
        sentence.Authors.ShouldBeEmpty();
    }

    [Fact]
    public void Each_story_of_a_weekly_edition_credits_its_writer()
    {
        // lwn-1: one headline over several features, each under its own byline.
        var arduino = "<h2>A trademark battle in the Arduino community</h2><div class=\"FeatureByline\"> By <b>Nathan Willis</b><br>March 25, 2015</div>" + Body + Body;
        var office = "<h2>Development activity in LibreOffice and OpenOffice</h2><div class=\"FeatureByline\"> By <b>Jonathan Corbet</b><br>March 25, 2015</div>" + Body + Body;
        var m = Read($"<html><body><div class=\"PageHeadline\"><h1>LWN.net Weekly Edition for March 26, 2015</h1></div><div class=\"ArticleText\">{arduino}{office}</div></body></html>");
        m.Authors.Select(a => a.Value).ShouldBe(["Nathan Willis", "Jonathan Corbet"]);
    }

    [Fact]
    public void A_list_of_teasers_credits_no_one_but_the_articles_byline()
    {
        // nytimes-5: a section front, each teaser with its byline and a line of summary.
        const string Teaser = "<h2><a href=\"/a\">Vaccines reach the villages</a></h2><p>A short summary of the story.</p><p>By {0}</p>";
        var teasers = string.Concat(new[] { "Tariq Panja", "Shira Ovide", "Pam Belluck" }.Select(name => string.Format(CultureInfo.InvariantCulture, Teaser, name)));
        var m = Read($"<html><body><article><h1>Budget</h1><p class=\"byline\">By Jane Doe</p>{Body}{Body}{teasers}</article></body></html>");
        m.Authors.Select(a => a.Value).ShouldBe(["Jane Doe"]);
    }

    [Fact]
    public void A_credit_closing_the_bodys_last_paragraph_names_the_writer()
    {
        // qq: the text ends "（编译/林靖东）", and a line of recommendations follows it.
        const string Text = "<p>DeepMind的研究人员开发了一种新的神经网络，它可以利用外部存储器来学习和回答问题，这种网络被称为可微分神经计算机，研究人员希望它可以推动计算行业实现更多突破。</p>";
        var m = Read($"<html><body><div class=\"hd\"><h1>DeepMind新电脑</h1></div><div id=\"Cnt-Main-Article-QQ\">{Text}{Text}<p>DeepMind希望DNC可以推动计算行业实现更多突破。DeepMind已将其研究结果发表在科学刊物《自然》（Nature）上。（编译/林靖东）</p><p><strong>精彩视频推荐</strong></p></div><div class=\"QQeditor\">[责任编辑：alonliu]</div></body></html>");
        m.Authors.Select(a => a.Value).ShouldBe(["林靖东"]);

        var unsigned = Read($"<html><body><div class=\"hd\"><h1>DeepMind新电脑</h1></div><div id=\"Cnt-Main-Article-QQ\">{Text}{Text}<p>DeepMind已将其研究结果发表在科学刊物《自然》（Nature）上。</p></div><div class=\"QQeditor\">（责任编辑：alonliu）</div></body></html>");
        unsigned.Authors.ShouldBeEmpty();
    }

    [Fact]
    public void A_date_opening_the_first_paragraph_dates_the_article()
    {
        // webmd: "Feb. 23, 2015 -- Life-threatening peanut allergies…"
        var m = Read("<html><body><article><h1>Peanuts</h1><p>Feb. 23, 2015 -- Life-threatening peanut allergies have mysteriously been on the rise in the past decade, with little hope for a cure.</p><p>But a new study may offer a way to stem that rise, while another may offer some hope for those who already have it.</p></article></body></html>");
        m.Published!.Value.ShouldBe("2015-02-23");
    }

    [Fact]
    public void The_date_in_a_permalink_is_the_last_resort()
    {
        // wapo: the byline shows "March 18 at 3:57 PM" without a year.
        var m = Read($"<html><head><link rel=\"canonical\" href=\"http://www.washingtonpost.com/world/gunmen-storm-museum/2015/03/18/00202e76_story.html\"/></head><body><article><h1>Budget</h1><span class=\"pb-timestamp\">March 18 at 3:57 PM</span>{Body}</article></body></html>");
        m.Published!.Value.ShouldBe("2015-03-18");
    }

    [Fact]
    public void A_date_in_an_infobox_or_a_reference_is_not_the_articles()
    {
        // wikipedia: the infobox's founding date and a reference's access date are marked as dates.
        var m = Read($"<html><body><h1>Mozilla</h1><div id=\"content\"><table class=\"infobox\"><tr><td><span class=\"bday dtstart published updated\">1998-02-28</span></td></tr></table>{Body}<ol class=\"references\"><li>A source. <span class=\"reference-accessdate\">. Retrieved 2016-05-01</span>.</li></ol></div></body></html>");
        m.Published.ShouldBeNull();
    }

    [Fact]
    public void The_name_in_a_byline_is_read_without_the_job_title_beside_it()
    {
        // seattletimes-1: the rel=author link is the name; "Seattle Times business reporter" is the title.
        var m = Read($"<html><body><article><h1>Budget</h1><div class=\"byline-text\"><span class=\"byline-copy\">By <a href=\"/author/ben\" rel=\"author\" class=\"p-author\">Benjamin Romano</a></span> <span class=\"p-author fn\">Seattle Times business reporter</span></div>{Body}</article></body></html>");
        m.Authors.Select(a => a.Value).ShouldBe(["Benjamin Romano"]);
    }

    [Fact]
    public void A_sidebar_of_authors_and_their_stories_is_not_the_byline()
    {
        // yahoo-2: a follow-the-author list, each name glued to a headline, comes before the article.
        var m = Read($"<html><body><div id=\"FollowAuthor\"><ul><li class=\"author-follow\">Matt Bai <span>The real problem behind fake news</span></li></ul></div><article><h1>Budget</h1><div class=\"author\"><div class=\"author-name\">NATALIYA VASILYEVA</div></div><span class=\"provider\">Associated Press</span>{Body}</article></body></html>");
        m.Authors.Select(a => a.Value).ShouldBe(["NATALIYA VASILYEVA"]);
    }

    [Fact]
    public void A_teasers_byline_before_the_article_is_not_its_byline()
    {
        // salon-1: the most-read list's bylines come before the article's own rel=author link.
        var m = Read($"<html><body><ul class=\"mostread\"><li><a href=\"/x\">Other story</a> <span class=\"byline\"><a href=\"/writer/jr\">Joanna Rothkopf</a></span></li></ul><div class=\"articleInner\"><span class=\"dateline\">Sunday, Feb 1, 2015 11:57 AM UTC</span><h1>Budget</h1><span class=\"byline\"><a href=\"/writer/eskow\" rel=\"author\">Richard (R.J.) Eskow</a></span>{Body}</div></body></html>");
        m.Authors.Select(a => a.Value).ShouldBe(["Richard (R.J.) Eskow"]);
        m.Published!.Value.ShouldBe("2015-02-01");
    }

    [Fact]
    public void The_articles_byline_comes_before_its_meta_author_and_a_stray_one_after()
    {
        var byline = $"<html><head><meta name=\"author\" content=\"Site Desk\"></head><body><article><h1>Budget</h1><p class=\"byline\">By Jane Doe and John Roe</p>{Body}</article></body></html>";
        Read(byline).Authors.Select(a => a.Value).ShouldBe(["Jane Doe", "John Roe"]);

        // lifehacker: the sidebar's "on Deadspin" is marked as a byline, and is no name.
        var sidebar = $"<html><head><meta name=\"author\" content=\"Patrick Allan\"></head><body><div class=\"sidebar\"><div class=\"byline\">on Deadspin</div></div><article><h1>Budget</h1>{Body}</article></body></html>";
        Read(sidebar).Authors.Select(a => a.Value).ShouldBe(["Patrick Allan"]);
    }

    [Theory]
    [InlineData("byl", "By JEFFREY GETTLEMAN", "JEFFREY GETTLEMAN")]
    [InlineData("author", "Bradley M. Kuhn (http://ebb.org/bkuhn/)", "Bradley M. Kuhn")]
    [InlineData("author", "史蒂文的家_藍天 (stevenhgm)", "史蒂文的家_藍天")]
    [InlineData("DC.Creator", "Kooman, F.", "F. Kooman")]
    [InlineData("author", "Organization for Transformative Works", "Organization for Transformative Works")]
    public void Meta_authors_are_cleaned(string key, string value, string name) =>
        Read($"<html><head><meta name=\"{key}\" content=\"{value}\"></head><body><article><h1>Budget</h1>{Body}</article></body></html>").Authors.Select(a => a.Value).ShouldBe([name]);

    [Fact]
    public void A_posted_by_line_after_the_body_is_the_byline()
    {
        // v8-blog: "Posted by Alon Zakai." in the post's footer.
        var article = HtmlReader.Read($"<html><body><article><h1>Budget</h1>{Body}<footer><div><p>Posted by Alon Zakai.</p></div></footer></article></body></html>");
        article.Metadata.Authors.Select(a => a.Value).ShouldBe(["Alon Zakai"]);
        article.Blocks.ShouldContain(b => b.Kind == BlockKind.Byline && b.Text == "Posted by Alon Zakai.");
    }

    [Fact]
    public void A_wire_dateline_opening_the_body_is_read()
    {
        var m = Read("<html><body><article><h1>Museum attack</h1><p><span class=\"dateline\">CAIRO —</span> Gunmen opened fire on visitors at Tunisia’s most renowned museum on Wednesday, killing at least 19 people.</p><p>The attack was the worst in the country in more than a decade, officials said on Thursday.</p></article></body></html>");
        m.Dateline!.Value.ShouldBe("CAIRO");
    }

    private static ArticleMetadata Read(string html) => HtmlReader.Read(html).Metadata;
}
