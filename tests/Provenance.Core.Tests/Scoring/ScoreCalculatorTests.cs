using Provenance.Analysis;
using Provenance.Json;
using Provenance.Scoring;
using Provenance.Text;

namespace Provenance.Core.Tests.Scoring;

public sealed class ScoreCalculatorTests
{
    private const string Model = """
        {
          "version": "1.0.0",
          "base": 50,
          "categories": [
            { "id": "good", "title": "Good", "min": 0, "max": 20 },
            { "id": "bad", "title": "Bad", "min": -30, "max": 0 }
          ],
          "effects": [
            { "signal": "credit", "category": "good", "points": 15, "maxCount": 1, "reason": "Credits {0}" },
            { "signal": "quote", "category": "good", "points": 8, "maxCount": 5, "reason": "Quotes {0}" },
            { "signal": "debris", "category": "bad", "points": -12, "maxCount": 10, "reason": "Debris" },
            { "signal": "leak", "category": "bad", "points": -100, "maxCount": 1, "reason": "Leak" },
            { "signal": "speaker", "category": "good", "points": 4, "maxCount": 2, "reason": "Quotes {0}", "distinct": true }
          ],
          "grades": [
            { "grade": "A", "min": 60, "label": "Strong" },
            { "grade": "F", "min": 0, "label": "Poor" }
          ]
        }
        """;

    private static readonly ScoringModel Scoring = ScoringModelLoader.Load("test.json", Model);

    [Fact]
    public void Base_score_with_no_signals()
    {
        var card = ScoreCalculator.Score(Scoring, []);
        card.Score.ShouldBe(50);
        card.Grade.ShouldBe("F");
        card.Contributions.ShouldHaveSingleItem().Kind.ShouldBe(ContributionKind.Base);
    }

    [Fact]
    public void Signals_past_their_limits_are_listed_in_the_order_of_their_names()
    {
        var card = ScoreCalculator.Score(Scoring, [Signal("leak", "a", 1), Signal("leak", "b", 2), Signal("credit", "CNN", 3), Signal("leak", "c", 4), Signal("credit", "BBC", 5)]);
        card.Contributions.Where(c => c.Kind == ContributionKind.NotCounted).Select(c => c.Reason).ShouldBe(
            ["1 more credit signal not counted (only the first counts)", "2 more leak signals not counted (only the first counts)"]);
    }

    [Fact]
    public void A_distinct_effect_counts_each_value_once()
    {
        // Donald Trump quoted three times and Hillary Clinton once: two people quoted, not four quotes.
        var card = ScoreCalculator.Score(Scoring, [Signal("speaker", "Donald Trump", 1), Signal("speaker", "Donald Trump", 2), Signal("speaker", "Hillary Clinton", 3), Signal("speaker", "Donald Trump", 4)]);
        card.Score.ShouldBe(58);
        card.Contributions.Where(c => c.Kind == ContributionKind.Signal).Select(c => c.Reason).ShouldBe(["Quotes Donald Trump", "Quotes Hillary Clinton"]);
        card.Contributions.Single(c => c.Kind == ContributionKind.NotCounted).Reason.ShouldBe("2 more speaker signals not counted (each value counts once, and only the first 2 values)");
    }

    [Fact]
    public void Occurrences_past_the_count_limit_are_listed_but_add_nothing()
    {
        var card = ScoreCalculator.Score(Scoring, [Signal("credit", "CNN", 10), Signal("credit", "BBC", 20)]);
        card.Score.ShouldBe(65);
        card.Grade.ShouldBe("A");
        card.Contributions.Single(c => c.Kind == ContributionKind.Signal).Reason.ShouldBe("Credits CNN");
        card.Contributions.Single(c => c.Kind == ContributionKind.NotCounted).Reason.ShouldBe("1 more credit signal not counted (only the first counts)");
    }

    [Fact]
    public void Category_caps_are_explained_as_their_own_line()
    {
        var card = ScoreCalculator.Score(Scoring, [Signal("credit", "CNN", 1), Signal("quote", "A", 2), Signal("quote", "B", 3)]);
        card.Categories.Single(c => c.Id == "good").Points.ShouldBe(20);
        var cap = card.Contributions.Single(c => c.Kind == ContributionKind.Cap);
        cap.Points.ShouldBe(-11);
        cap.Reason.ShouldBe("Good can add at most 20 points: 11 points beyond the cap not counted");
        card.Score.ShouldBe(70);
        card.Contributions.Sum(c => c.Points).ShouldBe(card.Score);
    }

    [Fact]
    public void The_total_is_held_between_0_and_100_and_still_adds_up()
    {
        var card = ScoreCalculator.Score(Scoring, [Signal("debris", "x", 1), Signal("debris", "y", 2), Signal("debris", "z", 3), Signal("leak", "!", 4)]);
        card.Score.ShouldBe(20);
        card.Contributions.Sum(c => c.Points).ShouldBe(20);
        var low = ScoringModelLoader.Load("low.json", Model.Replace("\"base\": 50", "\"base\": 10", StringComparison.Ordinal));
        var clamped = ScoreCalculator.Score(low, [Signal("leak", "!", 4)]);
        clamped.Score.ShouldBe(0);
        clamped.Contributions.Single(c => c.Kind == ContributionKind.Clamp).Points.ShouldBe(20);
        clamped.Contributions.Sum(c => c.Points).ShouldBe(0);
    }

    [Fact]
    public void Grade_bands_in_any_order_are_taken_highest_first_and_ties_keep_their_order()
    {
        var model = ScoringModelLoader.Load("grades.json", Model.Replace(
            """{ "grade": "A", "min": 60, "label": "Strong" },""",
            """{ "grade": "C", "min": 30, "label": "Fair" }, { "grade": "A", "min": 60, "label": "Strong" }, { "grade": "B", "min": 30, "label": "Tied" },""",
            StringComparison.Ordinal));

        model.Grades.Select(g => g.Grade).ShouldBe(["A", "C", "B", "F"]);
        model.GradeFor(45).Grade.ShouldBe("C");
        model.GradeFor(0).Grade.ShouldBe("F");
        model.FindEffect("quote")!.Points.ShouldBe(8);
        model.FindEffect("QUOTE").ShouldBeNull();
    }

    [Fact]
    public void Signals_without_an_effect_do_not_move_the_score()
    {
        ScoreCalculator.Score(Scoring, [Signal("unknown", "x", 1)]).Score.ShouldBe(50);
    }

    [Theory]
    [InlineData("""{ "version": "1", "base": 150, "categories": [], "effects": [], "grades": [] }""", "$.base", "from 0 to 100")]
    [InlineData("""{ "version": "1", "base": 50, "categories": [], "effects": [ { "signal": "a", "category": "nope", "points": 1, "reason": "r" } ], "grades": [ { "grade": "F", "min": 0, "label": "x" } ] }""", "$.effects[0].category", "expected one of")]
    [InlineData("""{ "version": "1", "base": 50, "categories": [], "effects": [], "grades": [ { "grade": "A", "min": 50, "label": "x" } ] }""", "$.grades", "must start at 0")]
    [InlineData("""{ "version": "1", "base": 50, "categories": [], "effects": [], "grades": [], "weights": {} }""", "$.weights", "unknown key")]
    public void Invalid_scoring_models_are_rejected_precisely(string json, string path, string message)
    {
        var errors = Should.Throw<JsonLoadException>(() => ScoringModelLoader.Load("scoring.json", json)).Errors;
        errors.ShouldContain(e => e.JsonPath == path && e.Message.Contains(message, StringComparison.Ordinal), string.Join("\n", errors));
    }

    private static Signal Signal(string name, string value, int offset) =>
        new(name, value, "PRV9001", new TextSpan(offset, 1), new LinePositionSpan(new LinePosition(1, offset + 1), new LinePosition(1, offset + 2)));
}
