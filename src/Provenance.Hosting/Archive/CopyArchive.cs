using System.Globalization;
using Microsoft.Data.Sqlite;
using Provenance.Corpus;

namespace Provenance.Hosting;

/// <summary>
/// Articles published before, kept as their prints in one SQLite file, so that an editorial tool
/// can ask of a new text "has this, or most of it, been published before, and where?" without
/// the old articles at hand. Each article is stored with its shingles in text order, the lines
/// they span, its site, date and title; its sampled shingles are indexed, so a search reads only
/// the articles that share two samples with the text and measures those exactly, as
/// <see cref="CopyFinder"/> does within a folder. The file is a real database: its schema is
/// versioned and migrated in place, it is written in one transaction per addition, and any
/// number of readers may search it while one writer adds to it (write-ahead logging).
/// </summary>
public sealed partial class CopyArchive : IDisposable
{
    // A sample shared by more archived articles than this (a stock phrase, or a wire story run
    // by hundreds of sites) reads only the first stored of them (a replaced article is stored
    // anew): enough to find the story, not to say where it ran first.
    private const int MaxPosting = 500;

    // Samples held before they are written in order: 16 bytes each, so about 4 MB.
    private const int SampleBatch = 1 << 18;

    private readonly SqliteConnection _connection;

    private CopyArchive(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
    }

    /// <summary>The archive's file.</summary>
    public string Path { get; }

    /// <summary>How many articles it holds.</summary>
    public int Count => Convert.ToInt32(Scalar("SELECT count(*) FROM articles"), CultureInfo.InvariantCulture);

    /// <summary>
    /// Opens the archive at <paramref name="path"/>: for adding, creating it or bringing an older
    /// one's schema up to date; or only for searching, when it must exist and is not changed.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not an archive, or one written by a newer version, or (read-only) one with an older schema.</exception>
    /// <exception cref="FileNotFoundException">Opened read-only and there is no such file.</exception>
    public static CopyArchive Open(string path, bool readOnly = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = System.IO.Path.GetFullPath(path);
        if (readOnly && !File.Exists(full))
        {
            throw new FileNotFoundException($"{path}: no archive there; 'provenance index add FOLDER --db {path}' makes one", full);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            var archive = new CopyArchive(full, connection);
            archive.Prepare(path, readOnly);
            return archive;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 26 or 11)
        {
            // SQLITE_NOTADB, SQLITE_CORRUPT: the file is not a database, or a damaged one.
            connection.Dispose();
            throw new InvalidDataException($"{path}: not a Provenance archive ({ex.Message.TrimEnd('.')})", ex);
        }
        catch (SqliteException ex)
        {
            // Locked, not permitted, out of space: the archive may be fine.
            connection.Dispose();
            throw new IOException($"{path}: the archive could not be opened ({ex.Message.TrimEnd('.')})", ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Adds articles, or replaces those stored under the same path when their text changed, in one
    /// transaction: a failed addition leaves the archive as it was.
    /// </summary>
    public ArchiveAddition Add(IEnumerable<(TextPrint Print, CopyFacts Facts, string? Title)> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var (added, updated, unchanged) = (0, 0, 0);
        using var transaction = _connection.BeginTransaction();
        using var find = Command("SELECT id, digest, distinct_shingles IS NULL OR credits IS NULL OR text_key IS NULL FROM articles WHERE path = $path", transaction);
        var findPath = find.Parameters.Add("$path", SqliteType.Text);
        using var backfill = Command("UPDATE articles SET distinct_shingles = $distinct, credits = $credits, text_key = $key WHERE id = $id", transaction);
        var (backfillDistinct, backfillCredits, backfillKey, backfillId) = (backfill.Parameters.Add("$distinct", SqliteType.Integer), backfill.Parameters.Add("$credits", SqliteType.Text), backfill.Parameters.Add("$key", SqliteType.Integer), backfill.Parameters.Add("$id", SqliteType.Integer));
        using var remove = Command("DELETE FROM articles WHERE id = $id", transaction);
        var removeId = remove.Parameters.Add("$id", SqliteType.Integer);
        using var insert = Command(
            "INSERT INTO articles (path, site, published, title, words, distinct_shingles, credits, text_key, digest, added, shingles, lines) VALUES ($path, $site, $published, $title, $words, $distinct, $credits, $key, $digest, $added, $shingles, $lines) RETURNING id",
            transaction);
        var distinct = insert.Parameters.Add("$distinct", SqliteType.Integer);
        var credits = insert.Parameters.Add("$credits", SqliteType.Text);
        var key = insert.Parameters.Add("$key", SqliteType.Integer);
        var (path, site, published, title, words, digest, added_, shingles, lines) = (
            insert.Parameters.Add("$path", SqliteType.Text), insert.Parameters.Add("$site", SqliteType.Text), insert.Parameters.Add("$published", SqliteType.Text),
            insert.Parameters.Add("$title", SqliteType.Text), insert.Parameters.Add("$words", SqliteType.Integer), insert.Parameters.Add("$digest", SqliteType.Text),
            insert.Parameters.Add("$added", SqliteType.Text), insert.Parameters.Add("$shingles", SqliteType.Blob), insert.Parameters.Add("$lines", SqliteType.Blob));
        added_.Value = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        // The sample index is written in its own order, a batch at a time: inserted as they came,
        // the hashes landed at random places in it (adding 20,000 real articles: 24 s as they came,
        // 19 s sorted; a statement of a hundred rows was slower than one a row).
        using var sample = Command("INSERT OR IGNORE INTO samples (hash, article) VALUES ($hash, $article)", transaction);
        var (sampleHash, sampleArticle) = (sample.Parameters.Add("$hash", SqliteType.Integer), sample.Parameters.Add("$article", SqliteType.Integer));
        var pending = new List<(long Hash, long Article)>();
        void WriteSamples()
        {
            pending.Sort();
            foreach (var (hash, article) in pending)
            {
                (sampleHash.Value, sampleArticle.Value) = (hash, article);
                sample.ExecuteNonQuery();
            }

            pending.Clear();
        }

        foreach (var (print, facts, articleTitle) in articles)
        {
            var (shingleBytes, lineBytes) = (PrintCodec.Shingles(print), PrintCodec.Lines(print));
            var printDigest = PrintCodec.Digest(shingleBytes, lineBytes, print.Words);
            findPath.Value = print.Path;
            long? existing = null;
            using (var reader = find.ExecuteReader())
            {
                if (reader.Read())
                {
                    if (reader.GetString(1) == printDigest)
                    {
                        // Stored before the count was kept (schema 1): kept now.
                        if (reader.GetBoolean(2))
                        {
                            (backfillDistinct.Value, backfillCredits.Value, backfillKey.Value, backfillId.Value) = (print.DistinctCount, Credits(facts), unchecked((long)print.TextKey), reader.GetInt64(0));
                            backfill.ExecuteNonQuery();
                        }

                        unchanged++;
                        continue;
                    }

                    existing = reader.GetInt64(0);
                }
            }

            if (existing is { } id)
            {
                // Samples waiting for a row about to go would follow its id to the next article.
                WriteSamples();
                removeId.Value = id;
                remove.ExecuteNonQuery();
                updated++;
            }
            else
            {
                added++;
            }

            path.Value = print.Path;
            site.Value = (object?)facts.Site ?? DBNull.Value;
            published.Value = (object?)facts.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value;
            title.Value = (object?)articleTitle ?? DBNull.Value;
            words.Value = print.Words;
            distinct.Value = print.DistinctCount;
            credits.Value = Credits(facts);
            key.Value = unchecked((long)print.TextKey);
            digest.Value = printDigest;
            shingles.Value = shingleBytes;
            lines.Value = lineBytes;
            var article = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
            foreach (var hash in print.Samples)
            {
                pending.Add((unchecked((long)hash), article));
            }

            if (pending.Count >= SampleBatch)
            {
                WriteSamples();
            }
        }

        WriteSamples();

        transaction.Commit();
        return new ArchiveAddition(added, updated, unchanged, Count);
    }

    /// <summary>
    /// The archived articles that share text with <paramref name="print"/> by the options'
    /// thresholds, most of the text first; the entry stored under the print's own path is not
    /// its copy.
    /// </summary>
    /// <exception cref="InvalidDataException">An archived print is damaged.</exception>
    public IReadOnlyList<ArchiveMatch> Find(TextPrint print, CopyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(print);
        var finder = new CopyFinder(options);
        var met = new Dictionary<long, int>();
        using (var postings = Command($"SELECT article FROM samples WHERE hash = $hash ORDER BY article LIMIT {MaxPosting}"))
        {
            var postingHash = postings.Parameters.Add("$hash", SqliteType.Integer);
            foreach (var hash in print.Samples)
            {
                postingHash.Value = unchecked((long)hash);
                using var reader = postings.ExecuteReader();
                while (reader.Read())
                {
                    System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(met, reader.GetInt64(0), out _)++;
                }
            }
        }

        var matches = new List<ArchiveMatch>();
        // The shingles first, to see whether the shares can pass; the rest only for those that can.
        using var first = Command("SELECT path, distinct_shingles, shingles FROM articles WHERE id = $id");
        var firstId = first.Parameters.Add("$id", SqliteType.Integer);
        using var load = Command("SELECT site, published, title, words, added, lines FROM articles WHERE id = $id");
        var loadId = load.Parameters.Add("$id", SqliteType.Integer);
        foreach (var (id, _) in met.Where(m => m.Value >= 2).OrderBy(m => m.Key))
        {
            firstId.Value = id;
            string path;
            byte[] shingles;
            using (var reader = first.ExecuteReader())
            {
                if (!reader.Read() || reader.GetString(0) == print.Path)
                {
                    continue;
                }

                (path, shingles) = (reader.GetString(0), (byte[])reader["shingles"]);
                if (!reader.IsDBNull(1) && !finder.Passes(print, PrintCodec.Hashes(shingles, path, Path), reader.GetInt32(1)))
                {
                    continue;
                }
            }

            loadId.Value = id;
            using var details = load.ExecuteReader();
            if (!details.Read())
            {
                continue;
            }

            var stored = PrintCodec.Restore(path, details.GetInt32(3), shingles, (byte[])details["lines"], Path);
            if (finder.Measure(print, stored) is { } pair)
            {
                var published = details.IsDBNull(1) ? (DateOnly?)null : DateOnly.ParseExact(details.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                matches.Add(new ArchiveMatch(
                    path,
                    details.IsDBNull(0) ? null : details.GetString(0),
                    published,
                    details.IsDBNull(2) ? null : details.GetString(2),
                    DateTimeOffset.Parse(details.GetString(4), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                    pair.From(print.Path)));
            }
        }

        return [.. matches.OrderByDescending(m => m.Side.Share).ThenBy(m => m.Path, StringComparer.Ordinal)];
    }

    /// <inheritdoc/>
    public void Dispose() => _connection.Dispose();

    // The schema as a list of steps; an archive records in user_version how many it has taken.
    // A step is never changed once released: a later change is a new step.
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            site TEXT,
            published TEXT,
            title TEXT,
            words INTEGER NOT NULL,
            digest TEXT NOT NULL,
            added TEXT NOT NULL,
            shingles BLOB NOT NULL,
            lines BLOB NOT NULL);
        CREATE TABLE samples (
            hash INTEGER NOT NULL,
            article INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            PRIMARY KEY (hash, article)) WITHOUT ROWID;
        CREATE INDEX samples_by_article ON samples (article);
        """,

        // How many distinct shingles each article has, so that a search can reject a text
        // sharing only a stock phrase before sorting its shingles; unknown (null) for articles
        // stored before, which are measured in full.
        """
        ALTER TABLE articles ADD COLUMN distinct_shingles INTEGER;
        """,

        // The sources each article credits for its text, one a line (empty when none), so that the
        // likely original of archived copies can be judged; and the key of its set of shingles, so
        // that the same text stored many times is grouped before pairs are measured (both null for
        // articles stored before, filled in when an addition meets the article again; a search
        // computes a missing key from the shingles, and takes a missing credit list as none).
        """
        ALTER TABLE articles ADD COLUMN credits TEXT;
        ALTER TABLE articles ADD COLUMN text_key INTEGER;
        CREATE INDEX articles_by_text_key ON articles (text_key);
        """,
    ];

    /// <summary>The schema version this build writes and reads.</summary>
    public static int SchemaVersion => Migrations.Length;

    private void Prepare(string shownPath, bool readOnly)
    {
        var version = Convert.ToInt32(Scalar("PRAGMA user_version"), CultureInfo.InvariantCulture);
        if (version == 0 && Convert.ToInt32(Scalar("SELECT count(*) FROM sqlite_master"), CultureInfo.InvariantCulture) > 0)
        {
            throw new InvalidDataException($"{shownPath}: a SQLite database, but not a Provenance archive (it has tables of its own and no archive version)");
        }

        if (version > Migrations.Length)
        {
            throw new InvalidDataException($"{shownPath}: an archive of schema version {version}, written by a newer Provenance; this one reads versions up to {Migrations.Length}");
        }

        Execute("PRAGMA foreign_keys = ON");
        if (readOnly)
        {
            if (version < Migrations.Length)
            {
                throw new InvalidDataException($"{shownPath}: an archive of schema version {version}; 'provenance index add' brings it to version {Migrations.Length}");
            }

            return;
        }

        // Readers go on searching while an addition is written. With the write-ahead log, a commit
        // synced at checkpoints rather than at once cannot corrupt the file (at worst the last
        // addition is lost with the power); and the sample index, written at random places, wants
        // more than SQLite's default 2 MB of pages kept in memory.
        Execute("PRAGMA journal_mode = WAL");
        Execute("PRAGMA synchronous = NORMAL");
        Execute("PRAGMA cache_size = -65536");
        for (var step = version; step < Migrations.Length; step++)
        {
            using var transaction = _connection.BeginTransaction();
            try
            {
                using var migrate = Command(Migrations[step], transaction);
                migrate.ExecuteNonQuery();
            }
            catch (SqliteException ex)
            {
                throw new InvalidDataException($"{shownPath}: an archive of schema version {step} that could not be brought to version {step + 1} ({ex.Message.TrimEnd('.')}); it was left at version {step}", ex);
            }

            using (var mark = Command(string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {step + 1}"), transaction))
            {
                mark.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    private static string Credits(CopyFacts facts) => string.Join('\n', facts.Credits.Select(c => c.ReplaceLineEndings(" ")));

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private object? Scalar(string sql)
    {
        using var command = Command(sql);
        return command.ExecuteScalar();
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }
}
