using System.Globalization;
using System.Net;
using System.Text;
using Provenance.Articles;

namespace Provenance.Benchmarks;

/// <summary>
/// Writes a deterministic corpus for whole-process benchmarks: the same seed and count give the
/// same files, byte for byte. Articles are recombined from real parts: paragraphs of the sample
/// articles and of the saved HTML test pages, headlines, bylines and dates in several styles, and
/// footers of every kind the rules look for (source credits, outlet lists, AI disclaimers,
/// promotion, scraped comment forms), written as plain text, Markdown or HTML.
/// </summary>
internal static class CorpusGenerator
{
    private static readonly string[] Footers =
    [
        "Original Source: www.cnn.com",
        "Original Source: https://www.reuters.com/world/",
        "Sources: Reuters, Associated Press, BBC News",
        "Source: Al Jazeera",
        "This article was generated with the help of AI and reviewed by an editor.",
        "This content was created by an AI language model and may contain errors.",
        "Subscribe to our newsletter for exclusive deals! Use code SAVE20 at checkout.",
        "Follow us on Twitter and Facebook for more updates. Share this article!",
        "Leave a Reply\nYour email address will not be published. Required fields are marked *\nComment\nName *\nEmail *",
        "We may earn a commission when you buy through links on our site.",
        "This is a sponsored post. Paid partnership with Acme Corp.",
        "FOR IMMEDIATE RELEASE\nMedia contact: press@example.com",
        "About the Creator\nThe author writes about politics and culture.",
        "Copyright 2025. All rights reserved. Reproduction without permission is prohibited.",
    ];

    private static readonly string[] Bylines = ["By Jane Doe", "By John Smith and Maria Garcia", "Reporting by Ahmed Khan; Editing by Lisa Chen", "Staff writer", string.Empty, string.Empty];

    private static readonly string[] Dates = ["Published: March 3, 2025", "2025-01-14", "Updated 12 June 2024, 09:30 GMT", string.Empty, string.Empty];

    /// <summary>Runs <c>corpus --out DIR [--count N] [--seed S] [--formats txt,md,html]</c>; returns the exit code.</summary>
    public static int Run(string[] args)
    {
        string? output = null;
        var count = 20_000;
        var seed = 1;
        var formats = new[] { "txt" };
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--out": output = value; i++; break;
                case "--count": count = int.Parse(value!, CultureInfo.InvariantCulture); i++; break;
                case "--seed": seed = int.Parse(value!, CultureInfo.InvariantCulture); i++; break;
                case "--formats": formats = value!.Split(','); i++; break;
                default:
                    Console.Error.WriteLine($"corpus: unknown argument '{args[i]}'; usage: corpus --out DIR [--count N] [--seed S] [--formats txt,md,html]");
                    return 2;
            }
        }

        if (output is null || count < 1 || formats.Any(f => f is not ("txt" or "md" or "html")))
        {
            Console.Error.WriteLine("corpus: usage: corpus --out DIR [--count N] [--seed S] [--formats txt,md,html]");
            return 2;
        }

        var paragraphs = Paragraphs();
        var random = new Random(seed);
        var bytes = 0L;
        for (var i = 0; i < count; i++)
        {
            var format = formats[i % formats.Length];
            var folder = Path.Combine(output, (i / 1000).ToString("D3", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            var text = Compose(random, paragraphs, format, i);
            var path = Path.Combine(folder, $"a{i:D6}.{format}");
            File.WriteAllText(path, text, new UTF8Encoding(false));
            bytes += Encoding.UTF8.GetByteCount(text);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {count} articles ({string.Join(", ", formats)}), {bytes / 1024.0 / 1024.0:0.0} MB, {bytes / count / 1024.0:0.0} KB on average, seed {seed}, to {output}"));
        return 0;
    }

    // Every paragraph of the samples and of the readable text of the saved pages, longer than a
    // line and in a stable order.
    private static string[] Paragraphs()
    {
        var pool = new List<string>();
        foreach (var sample in Directory.GetFiles(Path.Combine(Paths.Root, "samples"), "*.txt").Order(StringComparer.Ordinal))
        {
            pool.AddRange(File.ReadAllText(sample).Split("\n\n").Select(p => p.Trim()).Where(p => p.Length > 80));
        }

        var pages = Path.Combine(Paths.Root, "tests", "data", "third_party", "html-testpages", "pages");
        foreach (var page in Directory.GetDirectories(pages).Order(StringComparer.Ordinal))
        {
            var source = Path.Combine(page, "source.html");
            if (File.Exists(source))
            {
                pool.AddRange(Article.FromHtml(File.ReadAllText(source)).Blocks.Where(b => b.Kind == BlockKind.Paragraph).Select(b => b.Text).Where(t => t.Length > 80 && t.Length < 1500));
            }
        }

        return [.. pool];
    }

    private static string Compose(Random random, string[] pool, string format, int index)
    {
        var title = $"{Words(pool[random.Next(pool.Length)], 8)} ({index})";
        var byline = Bylines[random.Next(Bylines.Length)];
        var date = Dates[random.Next(Dates.Length)];
        var body = new List<string>();
        var length = 0;
        var target = random.Next(1500, 5000);
        while (length < target)
        {
            var paragraph = pool[random.Next(pool.Length)];
            body.Add(paragraph);
            length += paragraph.Length;
        }

        var footers = Enumerable.Range(0, random.Next(0, 3)).Select(_ => Footers[random.Next(Footers.Length)]).Distinct().ToList();
        return format switch
        {
            "md" => Markdown(title, byline, date, body, footers),
            "html" => Html(title, byline, date, body, footers),
            _ => Text(title, byline, date, body, footers),
        };
    }

    private static string Text(string title, string byline, string date, List<string> body, List<string> footers) =>
        string.Join("\n\n", new[] { title, byline, date }.Where(s => s.Length > 0).Concat(body).Concat(footers)) + "\n";

    private static string Markdown(string title, string byline, string date, List<string> body, List<string> footers)
    {
        var text = new StringBuilder("---\n");
        text.Append("title: \"").Append(title.Replace("\"", "'", StringComparison.Ordinal)).Append("\"\n");
        if (byline.StartsWith("By ", StringComparison.Ordinal))
        {
            text.Append("author: ").Append(byline[3..]).Append('\n');
        }

        text.Append("---\n\n# ").Append(title).Append("\n\n");
        if (date.Length > 0)
        {
            text.Append('*').Append(date).Append("*\n\n");
        }

        foreach (var paragraph in body)
        {
            text.Append(paragraph).Append("\n\n");
        }

        foreach (var footer in footers)
        {
            text.Append("> ").Append(footer.Replace("\n", "\n> ", StringComparison.Ordinal)).Append("\n\n");
        }

        return text.ToString();
    }

    private static string Html(string title, string byline, string date, List<string> body, List<string> footers)
    {
        var text = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>");
        text.Append(WebUtility.HtmlEncode(title)).Append("</title>");
        if (byline.StartsWith("By ", StringComparison.Ordinal))
        {
            text.Append("<meta name=\"author\" content=\"").Append(WebUtility.HtmlEncode(byline[3..])).Append("\">");
        }

        text.Append("</head>\n<body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\n<article><h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>\n");
        if (byline.Length > 0)
        {
            text.Append("<p class=\"byline\">").Append(WebUtility.HtmlEncode(byline)).Append("</p>\n");
        }

        if (date.Length > 0)
        {
            text.Append("<p><time>").Append(WebUtility.HtmlEncode(date)).Append("</time></p>\n");
        }

        foreach (var paragraph in body)
        {
            text.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>\n");
        }

        text.Append("</article>\n<footer>");
        foreach (var footer in footers)
        {
            text.Append("<p>").Append(WebUtility.HtmlEncode(footer).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        }

        return text.Append("</footer></body></html>\n").ToString();
    }

    private static string Words(string text, int count) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(count)).TrimEnd('.', ',', ';', ':');
}
