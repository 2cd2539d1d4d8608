using System.Text;
using Provenance.Configuration;
using Provenance.Json;
using Provenance.Outlets;
using Provenance.Rules;
using Provenance.Scoring;
using Provenance.Tests;

namespace Provenance.Core.Tests.Loading;

/// <summary>
/// Seeded mutations of the shipped rule packs, scoring model, outlet registry and an example
/// configuration, fed to their loaders: each either loads or fails with a <see cref="JsonLoadException"/>
/// whose every error names the file and a line inside it. Anything else escaping is a bug; the
/// failure prints the seed and the mutated text so it can be replayed.
/// </summary>
public sealed class MutatedFileTests
{
    // The registry is half a megabyte; fewer of its cases keep the run short.
    private static int CasesFor(string file) => file == "outlets.json" ? 60 : 1000;

    // Fragments a hand-edited or truncated file tends to contain, and values of every wrong type.
    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", ",", ":", "\"", "null", "true", "0", "-1", "1e309", "\"\"", "[]", "{}", "\"(a+)+$\"", "\"[unclosed\"", "\"(?<x>a)\"", "\\u0000",
        "\"kind\": \"regex\",", "\"id\": \"PRV9001\",", "\"id\": \"PRV0001\",", "\"defaultSeverity\": \"warn\",", "\"patterns\": [\"(\"],", "\"scope\": [\"sidebar\"],",
        "\"extra\": 1,", "/* comment */", "// comment\n", "\uFEFF", "\uD800", "\n", "\t", "99999999999999999999", "\"\\q\"",
    ];

    private static readonly RuleLimits Limits = new(TimeSpan.FromSeconds(2), 500, CompileExpressions: false);

    public static TheoryData<string> Files => new(DefaultRules.RuleSources().Select(s => Path.GetFileName(s.Name)).Concat(["scoring.json", "outlets.json", "provenance.json"]));

    [Theory]
    [MemberData(nameof(Files))]
    public void Mutated_files_load_or_fail_with_located_errors(string file)
    {
        var original = Original(file);
        var cases = CasesFor(file);
        var loaded = 0;
        var rejected = 0;
        for (var seed = 1; seed <= cases; seed++)
        {
            var random = new Random(HashCode.Combine(seed, file.Length, file[0]));
            var text = Mutate(original, random);
            try
            {
                Load(file, text);
                loaded++;
            }
            catch (JsonLoadException ex)
            {
                rejected++;
                var lines = text.Split('\n').Length;
                ex.Errors.ShouldNotBeEmpty();
                foreach (var error in ex.Errors)
                {
                    error.Source.ShouldBe(file, $"seed {seed}");
                    error.Line.ShouldBeInRange(1, lines, $"seed {seed}: {error}");
                    error.Column.ShouldBeGreaterThanOrEqualTo(1, $"seed {seed}: {error}");
                    error.Message.ShouldNotBeNullOrWhiteSpace();
                }
            }
            catch (Exception ex) when (ex is not Shouldly.ShouldAssertException)
            {
                throw new InvalidOperationException($"seed {seed} ({file}) threw {ex.GetType().Name}: {ex.Message}\n--- input ---\n{(text.Length > 3000 ? text[..3000] + "…" : text)}", ex);
            }
        }

        // Both outcomes must occur, or the mutations are not testing what they claim.
        TestContext.Current.TestOutputHelper?.WriteLine($"{file}: {cases} cases, {loaded} loaded, {rejected} rejected");
        rejected.ShouldBeGreaterThan(cases / 2);
        loaded.ShouldBeGreaterThan(0);
    }

    private static string Original(string file) => file switch
    {
        "provenance.json" => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "config", "provenance.json")),
        _ => File.ReadAllText(Path.Combine(RepoPaths.Root, "rules", file)),
    };

    private static void Load(string file, string text)
    {
        switch (file)
        {
            case "scoring.json": ScoringModelLoader.Load(file, text); break;
            case "outlets.json": OutletRegistryLoader.Load(file, text); break;
            case "provenance.json": ConfigLoader.Load(file, "/content", text); break;
            default: RuleSetLoader.Load([new RuleSource(file, text)], Limits, OutletRegistry.Empty); break;
        }
    }

    private static string Mutate(string original, Random random)
    {
        var text = new StringBuilder(original);
        for (var i = random.Next(1, 6); i > 0 && text.Length > 0; i--)
        {
            var at = random.Next(text.Length);
            switch (random.Next(6))
            {
                case 0: text.Remove(at, Math.Min(random.Next(1, 40), text.Length - at)); break;
                case 1: text.Insert(at, Fragments[random.Next(Fragments.Length)]); break;
                case 2: text[at] = (char)random.Next(0x20, 0x7F); break;
                case 3: text.Length = at; break;
                case 4:
                    // A piece of the file copied elsewhere: duplicate keys, ids and rules.
                    var length = Math.Min(random.Next(1, 400), text.Length - at);
                    text.Insert(random.Next(text.Length), text.ToString(at, length));
                    break;
                default:
                    // A value's quotes swapped for a number or an array: a wrong type, still valid JSON.
                    var quote = text.ToString().IndexOf(": \"", at, StringComparison.Ordinal);
                    if (quote >= 0)
                    {
                        var end = text.ToString().IndexOf('"', quote + 3);
                        if (end > quote)
                        {
                            text.Remove(quote + 2, end - quote - 1).Insert(quote + 2, random.Next(2) == 0 ? "42" : "[1]");
                        }
                    }

                    break;
            }
        }

        return text.ToString();
    }
}
