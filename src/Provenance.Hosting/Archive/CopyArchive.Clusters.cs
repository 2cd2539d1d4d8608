using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Provenance.Corpus;

namespace Provenance.Hosting;

public sealed partial class CopyArchive
{
    // Prints kept while pairs are measured; a text is met again in each of its pairs. Sets of
    // shingles (about 6 KB an article, against 18 KB for a print) are kept for more.
    private const int PrintCache = 4096;
    private const int SetCache = 32768;

    /// <summary>
    /// The groups of archived articles that share text, each with its likely original, as
    /// <see cref="CopyFinder.FindClusters"/> finds them among a folder's articles: what a run
    /// split into shards finds once their archives are merged (<see cref="Merge"/>). The same
    /// steps, read from the archive instead of memory: articles with the same set of shingles
    /// grouped first, candidates from the sample index (read in its own order, one sample's
    /// articles at a time), each measured exactly; only the candidate counts and a bounded number
    /// of prints are held.
    /// </summary>
    /// <param name="options">The thresholds; the defaults when none.</param>
    /// <exception cref="InvalidDataException">A stored print is damaged.</exception>
    public CopySearch FindClusters(CopyOptions? options = null)
    {
        var thresholds = options ?? new CopyOptions();
        var finder = new CopyFinder(thresholds);
        var rows = new List<(long Id, string Path, long? Key)>();
        var facts = new Dictionary<string, CopyFacts>(StringComparer.Ordinal);
        using (var articles = Command("SELECT id, path, text_key, site, published, credits, words FROM articles"))
        using (var reader = articles.ExecuteReader())
        {
            while (reader.Read())
            {
                var path = reader.GetString(1);
                rows.Add((reader.GetInt64(0), path, reader.IsDBNull(2) ? null : reader.GetInt64(2)));
                var published = reader.IsDBNull(4) ? (DateOnly?)null : DateOnly.ParseExact(reader.GetString(4), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var credits = reader.IsDBNull(5) || reader.GetString(5).Length == 0 ? [] : reader.GetString(5).Split('\n');
                facts[path] = new CopyFacts(path, reader.IsDBNull(3) ? null : reader.GetString(3), published, credits, reader.GetInt32(6));
            }
        }

        // Ordered as a run orders its files (ordinal, by UTF-16 code units, which SQLite's byte
        // order is not beyond the basic plane). Articles stored before the text key was kept
        // (schema 2) get theirs from their shingles.
        rows.Sort((a, b) => StringComparer.Ordinal.Compare(a.Path, b.Path));
        var ids = rows.ConvertAll(r => r.Id);
        var paths = rows.ConvertAll(r => r.Path);
        var keys = rows.ConvertAll(r => r.Key ?? unchecked((long)TextPrint.KeyOf(LoadSet(r.Id))));

        // In path order, as a run lists its files, so that a run split into shards and merged says
        // what the whole run says.
        var index = new Dictionary<long, int>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            index[ids[i]] = i;
        }

        var prints = new Dictionary<int, TextPrint>();
        TextPrint Print(int i)
        {
            if (!prints.TryGetValue(i, out var print))
            {
                if (prints.Count >= PrintCache)
                {
                    prints.Clear();
                }

                prints[i] = print = Load(ids[i]);
            }

            return print;
        }

        // The same text stored many times (a wire story run unchanged) is paired with its first.
        var pairs = new List<(int First, int Second, CopyPair Pair)>();
        var copyOfFirst = new bool[ids.Count];
        var firsts = new Dictionary<long, List<int>>();
        for (var i = 0; i < ids.Count; i++)
        {
            var key = keys[i];
            if (!firsts.TryGetValue(key, out var same))
            {
                firsts[key] = same = [];
            }

            var match = same.FindIndex(f => Print(f).Distinct.AsSpan().SequenceEqual(Print(i).Distinct));
            if (match >= 0 && Print(i).DistinctCount >= thresholds.MinShingles)
            {
                pairs.Add((same[match], i, CopyFinder.Same(Print(same[match]), Print(i))));
                copyOfFirst[i] = true;
                continue;
            }

            same.Add(i);
        }

        // Candidates: two samples in common, a sample in very many articles pairing each with the
        // first. Each sample's articles (four bytes each) are read in the index's order and held
        // for the count.
        var postings = new List<int[]>();
        var posting = new List<int>();
        void Count()
        {
            // The index holds a sample's articles by id; pairs are counted in path order. A sample
            // of one article pairs nothing.
            if (posting.Count > 1)
            {
                posting.Sort();
                postings.Add([.. posting]);
            }

            posting.Clear();
        }

        using (var samples = Command("SELECT hash, article FROM samples ORDER BY hash, article"))
        using (var reader = samples.ExecuteReader())
        {
            long? current = null;
            while (reader.Read())
            {
                var hash = reader.GetInt64(0);
                if (hash != current)
                {
                    Count();
                    current = hash;
                }

                if (index.TryGetValue(reader.GetInt64(1), out var article) && !copyOfFirst[article])
                {
                    posting.Add(article);
                }
            }

            Count();
        }

        // Most candidates share a stock phrase or two and nothing more: their shares are computed
        // from each text's set of shingles (held for many more articles than whole prints are), and
        // only a pair that passes is read whole and located.
        var sets = new Dictionary<int, ulong[]>();
        ulong[] SetOf(int i)
        {
            if (!sets.TryGetValue(i, out var set))
            {
                if (sets.Count >= SetCache)
                {
                    sets.Clear();
                }

                sets[i] = set = LoadSet(ids[i]);
            }

            return set;
        }

        foreach (var (a, b, _) in CopyFinder.Candidates(ids.Count, postings))
        {
            if (finder.Shared(SetOf(a), SetOf(b)) is not null && finder.Measure(Print(a), Print(b)) is { } pair)
            {
                pairs.Add((a, b, pair));
            }
        }

        var clusters = CopyFinder.Cluster(paths, [.. pairs.OrderBy(p => p.First).ThenBy(p => p.Second).Select(p => p.Pair)]);
        return new CopySearch(ids.Count, ids.Count, clusters, [.. clusters.Select(c => CopyOrigins.Judge(c, facts))]);
    }

    /// <summary>
    /// Adds the articles of another archive (a shard's) to this one, in one transaction: an
    /// article under a path this one holds is kept when its text is the same and replaced when it
    /// changed. The other archive's articles are not changed (SQLite may still fold its
    /// write-ahead log into it); it must have this build's schema.
    /// </summary>
    /// <exception cref="InvalidDataException">The other file is not an archive of this schema.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public ArchiveAddition Merge(string otherPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(otherPath);
        using (Open(otherPath, readOnly: true))
        {
        }

        var full = System.IO.Path.GetFullPath(otherPath);
        if (string.Equals(full, Path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{otherPath}: an archive cannot be merged into itself");
        }

        using (var attach = Command("ATTACH DATABASE $file AS other"))
        {
            attach.Parameters.Add("$file", SqliteType.Text).Value = full;
            attach.ExecuteNonQuery();
        }

        try
        {
            using var transaction = _connection.BeginTransaction();
            long Number(string sql)
            {
                using var command = Command(sql, transaction);
                return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            }

            var unchanged = Number("SELECT count(*) FROM other.articles o JOIN main.articles a ON a.path = o.path AND a.digest = o.digest");
            var updated = Number("SELECT count(*) FROM other.articles o JOIN main.articles a ON a.path = o.path AND a.digest <> o.digest");
            var incoming = Number("SELECT count(*) FROM other.articles");
            foreach (var sql in new[]
            {
                // Replaced articles go with their samples (the key cascades).
                "DELETE FROM main.articles WHERE path IN (SELECT o.path FROM other.articles o JOIN main.articles a ON a.path = o.path AND a.digest <> o.digest)",
                """
                INSERT INTO main.articles (path, site, published, title, words, distinct_shingles, credits, text_key, digest, added, shingles, lines)
                SELECT path, site, published, title, words, distinct_shingles, credits, text_key, digest, added, shingles, lines FROM other.articles o
                WHERE NOT EXISTS (SELECT 1 FROM main.articles a WHERE a.path = o.path) ORDER BY o.id
                """,
                """
                INSERT OR IGNORE INTO main.samples (hash, article)
                SELECT s.hash, a.id FROM other.samples s JOIN other.articles o ON o.id = s.article JOIN main.articles a ON a.path = o.path
                ORDER BY s.hash, a.id
                """,
            })
            {
                using var command = Command(sql, transaction);
                command.ExecuteNonQuery();
            }

            transaction.Commit();
            return new ArchiveAddition((int)(incoming - unchanged - updated), (int)updated, (int)unchanged, Count);
        }
        finally
        {
            using var detach = Command("DETACH DATABASE other");
            detach.ExecuteNonQuery();
        }
    }

    // One archived article's set of shingles, sorted.
    private ulong[] LoadSet(long id)
    {
        using var load = Command("SELECT path, shingles FROM articles WHERE id = $id");
        load.Parameters.Add("$id", SqliteType.Integer).Value = id;
        using var reader = load.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidDataException($"{Path}: article {id} went missing while it was read");
        }

        return TextPrint.SortedSet([.. PrintCodec.Hashes((byte[])reader["shingles"], reader.GetString(0), Path)]);
    }

    // One archived article's print.
    private TextPrint Load(long id)
    {
        using var load = Command("SELECT path, words, shingles, lines FROM articles WHERE id = $id");
        load.Parameters.Add("$id", SqliteType.Integer).Value = id;
        using var reader = load.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidDataException($"{Path}: article {id} went missing while it was read");
        }

        return PrintCodec.Restore(reader.GetString(0), reader.GetInt32(1), (byte[])reader["shingles"], (byte[])reader["lines"], Path);
    }
}
