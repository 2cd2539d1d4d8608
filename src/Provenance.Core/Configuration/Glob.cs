using System.Text;
using System.Text.RegularExpressions;

namespace Provenance.Configuration;

/// <summary>
/// A path pattern as configuration files write them: <c>*</c> within a folder name, <c>**</c>
/// across folders, <c>?</c> one character, <c>{a,b}</c> alternatives. A pattern without a slash
/// matches a file or folder name at any depth (as .gitignore does); with one, the path from the
/// configuration file's folder.
/// </summary>
public sealed class Glob
{
    private readonly Regex _regex;

    /// <summary>Compiles <paramref name="pattern"/>.</summary>
    public Glob(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Pattern = pattern;
        var trimmed = pattern.Replace('\\', '/').TrimStart('/');
        if (trimmed.StartsWith("./", StringComparison.Ordinal))
        {
            trimmed = trimmed[2..];
        }

        var anywhere = !trimmed.TrimEnd('/').Contains('/', StringComparison.Ordinal);
        var body = Translate(trimmed.TrimEnd('/'));
        _regex = new Regex((anywhere ? "^(?:.*/)?" : "^") + body + "(?:/.*)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>Whether a relative path (forward slashes) matches.</summary>
    public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath.Replace('\\', '/'));

    private static string Translate(string pattern)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                    regex.Append(slash ? "(?:.*/)?" : ".*");
                    i += slash ? 2 : 1;
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '{':
                    var close = pattern.IndexOf('}', i);
                    if (close < 0)
                    {
                        regex.Append(@"\{");
                        break;
                    }

                    regex.Append("(?:").AppendJoin('|', pattern[(i + 1)..close].Split(',').Select(Translate)).Append(')');
                    i = close;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return regex.ToString();
    }
}
