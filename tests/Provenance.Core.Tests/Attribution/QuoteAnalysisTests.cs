using Provenance.Articles;
using Provenance.Attribution;

namespace Provenance.Core.Tests.Attribution;

/// <summary>
/// Who said each quotation, on sentences shaped like the ones real news articles use (BuzzFeed-Webis
/// 2016 and the saved test pages): speakers after and before the quotation, titles and roles before a
/// name, appositives, pronouns, continued quotations, and what is not a speaker.
/// </summary>
public sealed class QuoteAnalysisTests
{
    /// <summary>Each quotation of a plain-text article, its marks trimmed, with its source and speaker.</summary>
    internal static IReadOnlyList<(string Quote, QuoteSource Source, string Speaker)> Attribute(string text)
    {
        var article = Article.FromText(text);
        var blocks = Enumerable.Range(0, article.Blocks.Length).ToList();
        var analysis = QuoteAnalysis.Analyze(article, blocks, AttributionLexicon.Default);
        return [.. analysis.Quotes.Select(q => (article.Blocks[q.Block].Text.Substring(q.Span.Start, q.Span.Length).Trim('"', '“', '”', ',', ' '), q.Source, q.Speaker))];
    }

    private static string SpeakerOf(string text, string quote) =>
        Attribute(text).Single(q => q.Quote.StartsWith(quote, StringComparison.Ordinal)).Speaker;

    [Theory]
    [InlineData("“Were this resolution ever adopted, it would hurt us,” Senate Majority Leader Mitch McConnell said on the floor Wednesday.", "Mitch McConnell")]
    [InlineData("\"Any American who fought with them will be prosecuted,\" said Justice Department spokesman, Marc Ramondi.", "Marc Ramondi")]
    [InlineData("“It’s temperament, as much as anything,” said Sen. Martin Heinrich (D-N.M.).", "Martin Heinrich")]
    [InlineData("\"The campaign will go on,\" Trump campaign spokesman Jason Miller told CNN in an email.", "Jason Miller")]
    [InlineData("“It’s basically a wash,” said Sen. Roger Wicker of Mississippi, who heads the campaign arm.", "Roger Wicker")]
    [InlineData("“Lester Holt interrupted Mr. Trump more, he followed up with Mr. Trump more,” complained Trump senior advisor Boris Epshteyn.", "Boris Epshteyn")]
    [InlineData("“I want to say to these guys, ‘If you weren’t playing in the NFL, you would be working,’” said, Olson, a Birmingham, Mich., resident.", "Olson")]
    [InlineData("“I can say with certainty that I never trafficked in birtherism,” Sidney Blumenthal repeated when asked.", "Sidney Blumenthal")]
    [InlineData("\"It was a contentious issue,\" Christie told Tapper, \"and an issue that was raised before.\"", "Christie")]
    [InlineData("\"The US should not turn control of the Internet over to the United Nations and the international community,\" Trump's national policy director, Stephen Miller, said in a statement.", "Stephen Miller")]
    [InlineData("“Of course not. He need not wing it,” Trump’s campaign manager, Kellyanne Conway, told Fox Business.", "Kellyanne Conway")]
    public void The_speaker_after_the_quotation_is_named_without_titles(string text, string speaker) =>
        SpeakerOf(text, text.Contains("Christie", StringComparison.Ordinal) ? "It was" : text[1..6]).ShouldBe(speaker);

    [Theory]
    [InlineData("Farhan Haq, a deputy spokesman for the secretary-general, told reporters: \"We cannot confirm any information.\"", "Farhan Haq")]
    [InlineData("As the track opens, YG says, \"Me and all my people, we always thought he was straight.\"", "YG")]
    [InlineData("New Jersey Gov. Chris Christie said on Sunday that it was \"not true that he kept it up for five years.\"", "Chris Christie")]
    [InlineData("House Speaker Paul Ryan followed suit Wednesday, saying \"I do think the votes are there for the override.\"", "Paul Ryan")]
    public void The_speaker_before_the_quotation_is_the_verbs_subject(string text, string speaker) =>
        Attribute(text).Single().Speaker.ShouldBe(speaker);

    [Fact]
    public void A_pronoun_takes_the_person_spoken_of_last_and_a_name_its_fullest_form()
    {
        const string text = """
            Secretary of State Antony Blinken, in an interview with NBC News, reinforced the goal. He stated, “It would be through a diplomatic agreement.”

            “We are close,” Blinken added.
            """;
        Attribute(text).Select(q => q.Speaker).ShouldBe(["Antony Blinken", "Antony Blinken"]);
    }

    [Fact]
    public void She_and_he_follow_the_first_names_they_fit()
    {
        const string text = "Donald Trump spoke first and Hillary Clinton answered him. “That is not true,” she said. “It is,” he said.";
        Attribute(text).Select(q => q.Speaker).ShouldBe(["Hillary Clinton", "Donald Trump"]);
    }

    [Fact]
    public void A_quotation_that_opens_a_sentence_or_a_paragraph_continues_the_last_speakers()
    {
        const string text = """
            “Only when his handlers tied him down did he admit it,” Warren said. “What kind of a man does that?”

            “A man with a dark soul.”
            """;
        Attribute(text).Select(q => q.Speaker).ShouldBe(["Warren", "Warren", "Warren"]);
    }

    [Fact]
    public void A_paragraph_ending_he_added_introduces_the_quotation_that_follows()
    {
        const string text = """
            So when Crist describes Clinton as “honest,” the audience laughs. He said he was proud of Clinton. He added,

            “She’s been a very good Secretary of State, a very good Senator from New York…”
            """;
        Attribute(text).Select(q => q.Speaker).ShouldBe(["Crist", "Crist"]);
    }

    [Fact]
    public void An_embedded_post_is_its_authors_whether_its_signature_ends_it_or_follows_it()
    {
        const string text = """
            The tweet spread quickly.

            To end police brutality you have to end the police.

            — Brotha B (@BlakeDontCrack) July 22, 2016

            This image says it all. #trump2016 pic.twitter.com/9fHwog7ssN — Jane Roe (@janeroe) September 20, 2016
            """;
        Attribute(text).Select(q => (q.Quote, q.Speaker)).ShouldBe([("To end police brutality you have to end the police.", "Brotha B"), ("This image says it all. #trump2016 pic.twitter.com/9fHwog7ssN", "Jane Roe")]);
    }

    [Fact]
    public void A_block_quotation_is_quoted_by_the_speaker_introduced_before_it()
    {
        var article = Article.FromHtml("<html><body><article><p>Clinton's campaign chairman John Podesta wrote to the donors on Friday, in a letter seen by the newspaper:</p><blockquote><p>We are grateful for everything you have done, and we will need you again in the final weeks of this race.</p></blockquote><p>The campaign declined to comment on the letter, which was sent to several hundred people.</p><blockquote><p>This passage was quoted on the page with no word of who wrote it at all.</p></blockquote></article></body></html>");
        var analysis = QuoteAnalysis.Analyze(article, Enumerable.Range(0, article.Blocks.Length).ToList(), AttributionLexicon.Default);
        analysis.Quotes.Select(q => (q.Source, q.Speaker)).ShouldBe([(QuoteSource.Named, "John Podesta"), (QuoteSource.Unattributed, string.Empty)]);
    }

    [Fact]
    public void A_passage_introduced_by_from_a_source_is_that_sources()
    {
        const string text = """
            The people that are behind all this want race riots and chaos in our streets.

            From Louder with Crowder:

            Wake County officials reported that most of the people arrested had out-of-state IDs and no ties to the city.
            """;
        Attribute(text).Single().Speaker.ShouldBe("Louder with Crowder");
    }

    [Fact]
    public void A_description_of_a_public_role_refers_to_the_person_just_spoken_of()
    {
        const string text = """
            Senate Minority Leader Harry Reid on Tuesday then went to the Senate floor to rip into Trump.

            "The last thing the American people want is a president who will run another scam," the Nevada Democrat said.
            """;
        Attribute(text).Single().Speaker.ShouldBe("Harry Reid");
        Attribute("\"It was a scam,\" the official said.").Single().Source.ShouldBe(QuoteSource.Unnamed);
    }

    [Fact]
    public void A_bare_attribution_after_a_full_stop_still_names_the_speaker()
    {
        const string text = "“He’s built an amazing company. He’s become the epitome of the American dream.” Eric Trump said. “He’s gone from practically nothing.”";
        Attribute(text).Select(q => q.Speaker).ShouldBe(["Eric Trump", "Eric Trump"]);
        Attribute("The lawyer called her \"an enormously pushy person.\" Pak countered that she \"was trained to be persistent.\"").Select(q => q.Speaker).ShouldBe(["The lawyer", "Pak"]);
    }

    [Fact]
    public void A_paragraph_that_begins_inside_a_quotation_is_still_a_quotation()
    {
        const string text = "She was strong and fearless,\" Lee told The Chronicle. \"She really wanted to make sure Chinatown was respected.\"";
        Attribute(text).Select(q => (q.Source, q.Speaker)).ShouldBe([(QuoteSource.Named, "Lee"), (QuoteSource.Named, "Lee")]);
    }

    [Theory]
    [InlineData("“We are running out of time,” said one official who asked not to be named.", "one official")]
    [InlineData("A senior diplomat said: “The deal is dead.”", "A senior diplomat")]
    [InlineData("\"It certainly is troubling,\" the chairman of the Joint Chiefs of Staff told the Senate Armed Services Committee.", "the chairman of the Joint Chiefs of Staff")]
    [InlineData("He was interacting with \"bad people,\" according to sources.", "sources")]
    [InlineData("“Iowa is 93 percent white, and [Black Lives Matter] protests are more galvanizing elsewhere,” said a Republican there.", "a Republican")]
    [InlineData("“If Clinton can get black turnout as a share of electorate to Obama levels, she wins,” a Florida Democrat said.", "a Florida Democrat")]
    [InlineData("Added a former administration official of Kerry: \"I just don't think he gives two thoughts to whether some wise guy in Washington likes him.\"", "a former administration official")]
    [InlineData("Speaking to reporters today outside of his New Jersey home, Rahami's father said he \"called the FBI two years ago\" about his son.", "Rahami's father")]
    [InlineData("“The debate was rigged,” said a Trump campaign spokesman.", "a Trump campaign spokesman")]
    public void Described_speakers_are_unnamed(string text, string description)
    {
        var quote = Attribute(text).Single();
        quote.Source.ShouldBe(QuoteSource.Unnamed);
        quote.Speaker.ShouldBe(description);
    }

    [Theory]
    [InlineData("“Our arrangement is with Russia,” the State Department said in a statement.", "State Department")]
    [InlineData("“We never said that,” the Clinton campaign said.", "Clinton campaign")]
    [InlineData("The topics were announced by the Commission on Presidential Debates, which said \"the topics are subject to change.\"", "Commission on Presidential Debates")]
    [InlineData("Kathy Miller -- who is white -- resigned from her position, which the Trump campaign said was a volunteer job, and apologized for the \"inappropriate remarks,\" according to a statement from the Trump campaign.", "Trump campaign")]
    [InlineData("Trump did meet Monday with Egyptian President Abdel Fattah el-Sisi, during which the two discussed \"the strategic bilateral relationship between the US and Egypt,\" according to a Trump campaign statement after the meeting.", "Trump campaign")]
    [InlineData("Of course, the Clinton campaign hit on the issue, saying Trump is a “fraud who believes the rules don’t apply to him.”", "Clinton campaign")]
    public void Organisations_speak_by_name(string text, string speaker) =>
        Attribute(text).Single().Speaker.ShouldBe(speaker);

    [Theory]
    [InlineData("Christie said on CNN’s “State of the Union” that the claim was false.")]
    [InlineData("Mook told NBC’s “Today.”")]
    public void A_title_in_quotation_marks_is_not_speech(string text) =>
        Attribute(text).ShouldAllBe(q => q.Source != QuoteSource.Named && q.Source != QuoteSource.Unnamed);

    [Theory]
    [InlineData("“We will not comment on the poll,” said the Trump campaign press secretary.")]
    [InlineData("“We will not comment on the poll,” according to a Clinton campaign senior official.")]
    public void A_role_in_a_body_named_by_its_owner_is_a_person_described(string text) =>
        Attribute(text).Single().Source.ShouldBe(QuoteSource.Unnamed);

    [Fact]
    public void The_role_of_an_owner_after_the_refers_to_the_person_just_named() =>
        SpeakerOf("James Comey testified on Tuesday before the committee. “We did not find evidence of that,” the FBI's director said.", "We did not").ShouldBe("James Comey");

    [Fact]
    public void A_scare_quote_is_not_given_a_speaker_from_an_owners_name_further_on() =>
        Attribute("It’s interesting how “brave” Trump’s paper tigers are until someone puts them in their place.")
            .ShouldAllBe(q => q.Source != QuoteSource.Named && q.Source != QuoteSource.Unnamed);

    [Theory]
    [InlineData("On Thursday, \"we will win this race,\" the crowd chanted.")]
    [InlineData("Gun rights are popular. \"We will win this race,\" he said.")]
    [InlineData("Staff were told to leave. \"We will win this race,\" he said.")]
    public void Sentence_opening_words_are_never_speakers(string text)
    {
        var quote = Attribute(text).Single();
        quote.Speaker.ShouldNotBe("Thursday");
        quote.Speaker.ShouldNotBe("Gun");
        quote.Speaker.ShouldNotBe("Staff");
    }

    [Fact]
    public void A_clause_that_ends_in_a_colon_hands_the_quotation_on_from_its_subject()
    {
        SpeakerOf("Chris Murphy goes on to connect the dots in his letter: “California happens because legislators don’t do their jobs.”", "California").ShouldBe("Chris Murphy");
        SpeakerOf("Donald Trump has said many things about terrorism. He has even suggested outright murdering the families of terrorists abroad:\n\n“The other thing with the terrorists is you have to take out their families.”", "The other thing").ShouldBe("Donald Trump");

        // A label in capitals is a heading, not a speaker; a listing after "Bob does this:" is not Bob's words.
        Attribute("UNGA BUNGLE -- “Trump Gives Ukraine Cold Shoulder in New York,” by Foreign Policy’s Molly O’Toole and Reid Standish: “Republican presidential nominee Donald Trump already has a contentious relationship with Kiev.”")
            .ShouldAllBe(q => q.Speaker != "UNGA BUNGLE");
        Attribute("Bob Smith then amends his change and pushes it:\n\n$ echo 'better fix' >> file1 $ hg amend -u bob -m 'fix bug 24' $ hg push").ShouldBeEmpty();
    }

    [Fact]
    public void A_counting_word_is_nobodys_name() =>
        Attribute("“Is that a recent development?” All For One probed.").ShouldAllBe(q => q.Speaker != "One");

    [Fact]
    public void Curly_marks_decoded_as_latin1_or_windows1252_are_quotation_marks()
    {
        Attribute("Trump called the immigrants a \u00e2\u0080\u009cTrojan horse\u00e2\u0080\u009d that benefits ISIS.").Single().Speaker.ShouldBe("Trump");
        Attribute("Clinton said \u00e2\u20ac\u0153we will win\u00e2\u20ac\u009d on Monday.").Single().Speaker.ShouldBe("Clinton");
    }

    [Theory]
    [InlineData("“The FBI conducted internal database reviews and interagency checks,” the statement said.", QuoteSource.Unresolved, "")]
    [InlineData("“The European Union is of the view that the sale is unwise,” the EU statement said.", QuoteSource.Named, "EU")]
    [InlineData("“We are outraged at the veto of this bill,” the group's statement said.", QuoteSource.Unresolved, "")]
    public void A_document_speaks_for_its_author_or_for_no_one(string text, QuoteSource source, string speaker)
    {
        var quote = Attribute(text).Single();
        (quote.Source, quote.Speaker).ShouldBe((source, speaker));
    }

    [Fact]
    public void Low_opening_marks_close_with_a_high_one_and_other_languages_have_no_unattributed_quotations()
    {
        const string czech = "Ministr řekl, že „jde o velmi vážnou situaci, kterou musíme řešit“ a odešel. Na to se zeptali i další novináři, kteří na místě čekali od rána. "
            + "Vláda se sejde znovu v pondělí a projedná rozpočet, daně i nové zákony o dopravě. Opozice žádá, aby ministr vše vysvětlil ve sněmovně co nejdříve, "
            + "protože lidé chtějí vědět, kolik peněz stát utratí a kdy budou hotové opravy silnic po celé zemi.";
        Attribute(czech).ShouldBeEmpty();
        Attribute("Merkel said „we will manage this together, as we always have“ and left.").Single().Speaker.ShouldBe("Merkel");
    }

    [Fact]
    public void A_statement_in_the_writers_words_is_a_paraphrase_unless_the_sentence_quotes()
    {
        var article = Article.FromText("Pelosi said Thursday that the White House has not reached out to her. \"It's a mess,\" Trump said.");
        var analysis = QuoteAnalysis.Analyze(article, [0], AttributionLexicon.Default);
        analysis.Paraphrases.Select(p => p.Speaker).ShouldBe(["Pelosi"]);
        analysis.Quotes.Single().Speaker.ShouldBe("Trump");
    }

    [Theory]
    [InlineData("Before hitting the campaign trail again, Sanders specifically urged his supporters not to back third-party candidates.", "Sanders")]
    [InlineData("Last year, Trump publicly accused Christie of knowing about Bridgegate.", "Trump")]
    [InlineData("The jury heard from David Wildstein on Monday. Wildstein also recalled discussing the timing of the closures with Baroni and Kelly.", "David Wildstein")]
    [InlineData("It was a night for Kellyanne Conway. Conway also mentioned a memo circulated by Mark Penn when he was chief strategist for Clinton's 2008 campaign.", "Kellyanne Conway")]
    [InlineData("The debate will test Donald Trump. Trump has complained that the moderators of the debates may be unfair to him.", "Donald Trump")]
    [InlineData("DiGenova demanded that Congress hold hearings to look into the investigation.", "DiGenova")]
    [InlineData("Investigators asked Cheryl Mills about the server. Mills replied that other secretaries of State had also used private email accounts.", "Cheryl Mills")]
    [InlineData("The Aleppo Media Center posted photos on Twitter that it said showed damage after attacks.", "Aleppo Media Center")]
    [InlineData("The owner, Mark Cuban, is a Clinton supporter. Cuban posted about his plans to attend the event in support of Clinton.", "Mark Cuban")]
    public void Urging_accusing_recalling_complaining_and_posting_are_statements_a_named_source_makes(string text, string speaker)
    {
        // Real sentences from the dev articles (a sentence before names the person in full, as the
        // articles did): each names who made the statement, as "said" does.
        var analysis = QuoteAnalysis.Analyze(Article.FromText(text), [0], AttributionLexicon.Default);
        analysis.Paraphrases.Select(p => p.Speaker).ShouldBe([speaker]);
    }

    [Theory]
    [InlineData("Clinton responds by staring the comedian down.")]
    [InlineData("North Carolina Gov. Pat McCrory declared a state of emergency and one civilian was reported to be on life support.")]
    [InlineData("He was accused of being insensitive, and using the incident to further his agenda.")]
    [InlineData("Trump was urged by aides to stay on message.")]
    [InlineData("The crash killed one person, and Amanda Hadley drove the other car. Hadley is accused of telling the responders that the victim wanted to leave.")]
    // A score, a loss or a product recall is an act, not a statement.
    [InlineData("Tiger Woods posted a 3-under 69 on Friday.")]
    [InlineData("Deutsche Bank posted a net loss for the quarter.")]
    [InlineData("Tyson Foods Inc recalled 36,000 pounds of chicken nuggets.")]
    [InlineData("Posts by the group called for violence, and Facebook posts were removed.")]
    public void An_action_or_a_passive_is_no_statement(string text) =>
        QuoteAnalysis.Analyze(Article.FromText(text), [0], AttributionLexicon.Default).Paraphrases.ShouldBeEmpty();
}
