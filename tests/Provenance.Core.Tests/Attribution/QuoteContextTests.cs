using Provenance.Articles;
using Provenance.Attribution;

namespace Provenance.Core.Tests.Attribution;

/// <summary>
/// Quotations whose speaker is given around them rather than beside them — in the paragraph
/// before, in a colon introduction, in a line naming a statement's author — and quotations that
/// only look spoken (titles, words inside a reported clause). Each text is shaped on a paragraph of
/// the BuzzFeed-Webis 2016 development articles where the checker had read it wrongly.
/// </summary>
public sealed class QuoteContextTests
{
    private static IReadOnlyList<(string Quote, QuoteSource Source, string Speaker)> Attribute(string text) => QuoteAnalysisTests.Attribute(text);

    private static (QuoteSource Source, string Speaker) Of(string text, string quote) =>
        Attribute(text).Where(q => q.Quote.StartsWith(quote, StringComparison.Ordinal)).Select(q => (q.Source, q.Speaker)).Single();

    [Theory]
    // A verb of saying after "went on to", "continued to" is said by the subject of the verb before it.
    [InlineData("Skittles spokeswoman Denise Young said the image was “not appropriate.” She went on to say:", "Denise Young")]
    // An appositive between the name and its verb.
    [InlineData("In an interview with The Guardian, Kathy Miller, the campaign chair in question, made the following shocking statement:", "Kathy Miller")]
    // A pronoun with its verb contracted onto it.
    [InlineData("Donald Trump has called for a registry of Muslims. He’s even suggested outright murdering the families of terrorists abroad:", "Donald Trump")]
    // A title quoted at the paragraph's end is no one's words: the sentence still hands on its speaker.
    [InlineData("“I was disappointed that Lester did not get into some of the issues,” Pence said on ABC News’ “Good Morning America” today.", "Pence")]
    // A short line naming a statement's author.
    [InlineData("Statement from Steve Clevenger:", "Steve Clevenger")]
    public void A_paragraph_that_is_a_quotation_takes_the_speaker_the_paragraph_before_hands_on(string before, string speaker)
    {
        var text = $"{before}\n\n“Skittles are candy. Refugees are people. We don’t feel it’s an appropriate analogy.”";
        Of(text, "Skittles are candy").ShouldBe((QuoteSource.Named, speaker));
    }

    [Fact]
    public void A_verb_that_denies_the_saying_hands_on_no_one()
    {
        const string text = """
            Pointing out that the company had been asked for comment, Denise Young declined to say:

            “Skittles are candy. Refugees are people. We don’t feel it’s an appropriate analogy.”
            """;
        Of(text, "Skittles are candy").Source.ShouldNotBe(QuoteSource.Named);
    }

    [Fact]
    public void A_sentence_hands_on_the_speaker_of_its_main_clause_not_of_a_clause_after_that()
    {
        // The quotation is the FBI report's text, not Lazar's, though "Lazar asserted" ends the sentence.
        const string text = """
            A report on the FBI's June 7, 2016 interview with "Guccifer" confirms FBI Director James Comey's claim that Marcel Lazar falsely asserted that he'd surreptitiously accessed Clinton's server.

            "Lazar began by stating that he had never claimed to hack the Clinton server. Lazar then stated that he recalled the interview with Fox News."
            """;
        Of(text, "Lazar began").ShouldBe((QuoteSource.Unresolved, string.Empty));
    }

    [Fact]
    public void A_title_after_a_colon_is_nobodys_quotation()
    {
        const string text = "Donald Trump is planning to run national ads during two of the Sunday morning programs on broadcast TV: “Fox News Sunday” and NBC’s “Meet the Press.”";
        Attribute(text).ShouldNotContain(q => q.Source == QuoteSource.Named);
    }

    [Fact]
    public void Only_a_quotation_that_opens_its_sentence_is_continued_by_the_speaker_after_it()
    {
        // "“…” “…,” Trump said." makes both Trump's; a title or a phrase inside a sentence of its own does not.
        Attribute("“We will win this race in November, no matter what they say.” “We have the votes,” Trump said.")
            .Select(q => q.Speaker).ShouldBe(["Trump", "Trump"]);
        Of("For her part Salma Hayek, while a guest on “Jimmy Kimmel Live” on March 30, 2016, said she and Trump have known each other for years. She went on to call his politics “madness” and wondered why.", "Jimmy Kimmel Live")
            .Source.ShouldNotBe(QuoteSource.Named);
        Of("The lawyer called her \"an enormously pushy person.\" Pak countered that she \"was trained to be persistent.\"", "an enormously pushy")
            .Speaker.ShouldNotBe("Pak");
    }

    [Fact]
    public void Continuing_to_do_something_is_not_saying_it()
    {
        const string text = "While those in support of BlackLivesMatter continue to put our first responders in danger, the city still releases statements like “we feel your pain” to them.";
        Of(text, "we feel your pain").Source.ShouldNotBe(QuoteSource.Named);
    }

    [Theory]
    // A name in the last sentence of the paragraph before: a reader can probably tell, so the quotation is left to check.
    [InlineData("In a meeting this past weekend at New Hampshire, Steve O’Donnell made himself very clear as to what their expectations were.", QuoteSource.Unresolved)]
    // Nothing there names anyone or says anything: the quotation is an orphan.
    [InlineData("The billboard went up on the highway on the morning of the vote, in red letters.", QuoteSource.Unattributed)]
    public void A_quotation_opening_its_paragraph_is_an_orphan_only_when_the_paragraph_before_ends_on_no_one(string before, QuoteSource source)
    {
        var text = $"{before}\n\n“I want to make clear to everybody here that any measures taken to circumvent inspection will be met.”";
        Of(text, "I want to make clear").Source.ShouldBe(source);
    }

    [Fact]
    public void A_public_role_after_the_is_the_person_the_article_gave_that_role()
    {
        // Trump is spoken of last, but "the Democratic nominee" is who the article called that.
        const string text = """
            Democratic presidential nominee Hillary Clinton met Ukraine's president just minutes before Donald Trump met el-Sisi a short distance away.

            Before that meeting the Democratic nominee said she was looking forward to talking about "the very real problems and threats from Russian aggression."
            """;
        Of(text, "the very real problems").ShouldBe((QuoteSource.Named, "Hillary Clinton"));

        // Of the party named: "the GOP nominee" is not the Democratic one.
        Of(text.Replace("the Democratic nominee said", "the GOP nominee said", StringComparison.Ordinal), "the very real problems").Source.ShouldNotBe(QuoteSource.Named);

        // No one given the role: the quotation is left to check, not called anonymous.
        Of("Ted Cruz spoke first. “We will fight for the middle class every single day,” the nominee said.", "We will fight").ShouldBe((QuoteSource.Unresolved, string.Empty));
    }

    [Fact]
    public void Of_two_holders_of_a_role_the_one_spoken_of_last_is_meant()
    {
        const string text = """
            U.S. District Judge Rudolph Contreras heard the case in March, and U.S. District Judge Randolph Moss heard a second one in May.

            Contreras turned down the request that the group have first dibs on any additional emails.

            "I'm happy with them posting it on the website. FOIA is about informing the public what their government is up to," the judge said.
            """;
        Of(text, "I'm happy with them").ShouldBe((QuoteSource.Named, "Rudolph Contreras"));
    }

    [Fact]
    public void A_colon_introduction_is_handed_on_by_the_verb_nearest_the_colon()
    {
        // A reviewer's case: the "that" clause holds the introduction here.
        const string text = """
            Coach Mike Tomlin said that quarterback Ben Roethlisberger told the team on Sunday:

            “I am not done yet, and I will be back on this field next season.”
            """;
        Of(text, "I am not done yet").ShouldBe((QuoteSource.Named, "Ben Roethlisberger"));
    }

    [Fact]
    public void A_sentence_about_a_document_is_not_a_label_over_the_next_paragraph()
    {
        const string text = """
            Smith read a report by the Brennan Center, which the council had asked for in the spring.

            The city spent four million dollars on consultants last year, more than double the year before.
            """;
        Attribute(text).ShouldBeEmpty();
    }

    [Fact]
    public void A_role_is_given_by_the_word_right_before_a_name_not_by_a_subject_whose_object_the_name_is()
    {
        // "A federal judge sentenced Mark Ellison": the judge is not Ellison.
        const string text = """
            A federal judge sentenced Mark Ellison to five years in prison on Tuesday for defrauding investors.

            “This was a calculated fraud that ruined families,” the judge said.
            """;
        Of(text, "This was a calculated fraud").Speaker.ShouldNotBe("Mark Ellison");
    }

    [Theory]
    // The person spoken of last, given no other role, is who "the senator" means.
    [InlineData("Asked whether he still opposed the ambassador, Marco Rubio said yes.", "Marco Rubio")]
    // Given the role, the person the article gave it, when the one spoken of last holds another.
    [InlineData("Sen. Ted Cruz spoke after the debate, and then Republican nominee Donald Trump spoke.", "Ted Cruz")]
    public void The_senator_is_the_person_spoken_of_last_unless_the_article_gave_someone_else_the_role(string before, string speaker)
    {
        var text = $"{before}\n\n“A U.S. ambassador is not going to influence the Cuban government,” the senator said.";
        Of(text, "A U.S. ambassador").ShouldBe((QuoteSource.Named, speaker));
    }

    [Fact]
    public void A_former_role_is_the_person_spoken_of_last_whatever_role_they_hold_now()
    {
        const string text = "Secretary of State John Kerry spoke to reporters on the plane home.\n\n“It is exhausting, but it is worth it,” the former Massachusetts senator said.";
        Of(text, "It is exhausting").ShouldBe((QuoteSource.Named, "John Kerry"));
    }

    [Theory]
    // UTF-8 read as Latin-1: "â" and two control characters for each curly mark (the dev corpus's copy of several sites).
    [InlineData("\u00e2\u0080\u009c", "\u00e2\u0080\u009d", "\u00e2\u0080\u0099")]
    // UTF-8 read as Windows-1252.
    [InlineData("â€œ", "â€\u009d", "â€™")]
    public void A_quotation_in_mis_decoded_copy_is_attributed_and_its_message_shows_the_words_as_written(string open, string close, string apostrophe)
    {
        var text = $"Skittles spokeswoman Denise Young said the image was not appropriate. She went on to say:\n\n{open}Skittles are candy. Refugees are people. We don{apostrophe}t feel it is an appropriate analogy.{close}";
        var findings = DefaultRules.LoadRuleSet().Analyze(Article.FromText($"Skittles\n\n{text}"), TestContext.Current.CancellationToken).Findings;
        findings.Single(f => f.RuleId == "PRV2001").Message.ShouldBe("Quotes Denise Young directly: “Skittles are candy. Refugees are people. We don’t feel it is an appropriate…”");
    }

    [Fact]
    public void A_bare_adding_between_two_quotations_keeps_the_speaker()
    {
        const string text = """
            Biden said:

            “This is a guy who said that it was good business for him to see the housing market fail.”

            Adding:

            “Every president I have served with, including Republicans, has had a moral center.”
            """;
        Of(text, "Every president").ShouldBe((QuoteSource.Named, "Biden"));

        // A bare "Adding:" after a paragraph that quotes no one hands on no one.
        Of("The council met on Monday and the vote was put off again.\n\nAdding:\n\n“Every president I have served with has had a moral center.”", "Every president").Source.ShouldNotBe(QuoteSource.Named);
    }

    [Fact]
    public void The_paragraphs_of_an_unattributed_block_quotation_are_listed_once()
    {
        const string markdown = """
            # Minecraft

            the the the

            > The vulnerability stems from the fact that the client is allowed to send the server information about certain slots.
            >
            > In my case, I chose to create lists within lists, down to five levels, and the server had to read all of them.
            """;
        var article = Provenance.Reading.ArticleReaders.For(ArticleFormat.Markdown).Read(markdown, "post.md", null);
        var blocks = Enumerable.Range(0, article.Blocks.Length).ToList();
        var quotes = QuoteAnalysis.Analyze(article, blocks, AttributionLexicon.Default).Quotes;
        quotes.Count(q => q.Source == QuoteSource.Unattributed).ShouldBe(1);
    }
}
