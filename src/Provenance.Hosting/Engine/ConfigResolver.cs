using Provenance.Configuration;
using Provenance.Json;

namespace Provenance.Hosting;

/// <summary>
/// Finds the configuration for each file: the <c>provenance.json</c> files from its folder upward,
/// nearest last so it wins, stopping at one marked <c>"root": true</c>; or only the file given with
/// <c>--config</c>. Each configuration file is read once.
/// </summary>
internal sealed class ConfigResolver
{
    private readonly ProvenanceConfig? _explicit;
    private readonly Dictionary<string, List<ProvenanceConfig>> _chains = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProvenanceConfig?> _byDirectory = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly string _baseDirectory;
    private readonly bool _search;

    /// <param name="explicitConfig">The one configuration file that applies to every file, or null.</param>
    /// <param name="baseDirectory">Where relative paths start.</param>
    /// <param name="search">Whether, with no <paramref name="explicitConfig"/>, the files beside and above each file are looked for; without, no configuration applies.</param>
    public ConfigResolver(string? explicitConfig, string baseDirectory, bool search = true)
    {
        _baseDirectory = baseDirectory;
        _search = search;
        if (explicitConfig is not null)
        {
            var full = Path.GetFullPath(explicitConfig, baseDirectory);
            _explicit = File.Exists(full) ? Load(full) : throw new ProvenanceSetupException($"{explicitConfig}: no such configuration file");
        }
    }

    /// <summary>Whether the configuration depends on a file's path (the cascade), rather than being one file or none for all.</summary>
    public bool ByPath => _explicit is null && _search;

    /// <summary>Every configuration file read so far.</summary>
    public IEnumerable<ProvenanceConfig> Loaded => _explicit is not null ? [_explicit] : _byDirectory.Values.OfType<ProvenanceConfig>();

    /// <summary>The text of a loaded configuration file, by its shown name.</summary>
    public string TextOf(ProvenanceConfig config) => _texts[config.Source];

    /// <summary>The merged settings for a file, and whether a configuration ignores it.</summary>
    public (ConfigSettings Settings, bool Ignored) For(string fullPath)
    {
        var settings = ConfigSettings.Empty;
        var ignored = false;
        foreach (var config in Chain(Path.GetDirectoryName(fullPath)!))
        {
            var relative = Path.GetRelativePath(config.Directory, fullPath).Replace(Path.DirectorySeparatorChar, '/');
            settings = settings.Merge(config.SettingsFor(relative));
            ignored |= config.Ignores(relative);
        }

        return (settings, ignored);
    }

    /// <summary>The configuration files that apply to a file, farthest first.</summary>
    public IReadOnlyList<ProvenanceConfig> ChainFor(string fullPath) => Chain(Path.GetDirectoryName(fullPath)!);

    /// <summary>The merged settings of the folder the run started in, for run-wide settings (maxWarnings).</summary>
    public ConfigSettings ForRun() =>
        Chain(_baseDirectory).Aggregate(ConfigSettings.Empty, (settings, config) => settings.Merge(config.Settings));

    private List<ProvenanceConfig> Chain(string directory)
    {
        if (_explicit is not null)
        {
            return [_explicit];
        }

        if (!_search)
        {
            return [];
        }

        if (_chains.TryGetValue(directory, out var chain))
        {
            return chain;
        }

        var here = Find(directory);
        var parent = Path.GetDirectoryName(directory);
        chain = here is { Root: true } || parent is null ? [] : [.. Chain(parent)];
        if (here is not null)
        {
            chain.Add(here);
        }

        _chains[directory] = chain;
        return chain;
    }

    private ProvenanceConfig? Find(string directory)
    {
        if (!_byDirectory.TryGetValue(directory, out var config))
        {
            var path = Path.Combine(directory, ProvenanceConfig.FileName);
            config = File.Exists(path) ? Load(path) : null;
            _byDirectory[directory] = config;
        }

        return config;
    }

    private ProvenanceConfig Load(string fullPath)
    {
        var shown = ContentFiles.Display(fullPath, _baseDirectory);
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ProvenanceSetupException($"{shown}: the configuration file could not be read: {ex.Message}");
        }

        _texts[shown] = text;
        return ConfigLoader.Load(shown, Path.GetDirectoryName(fullPath)!, text);
    }
}
