using Microsoft.Data.Sqlite;
using Provenance.Articles;
using Provenance.Corpus;
using Provenance.Hosting;
using Provenance.Tests;

namespace Provenance.Cli.Tests;

/// <summary>
/// The archive of published articles (<see cref="CopyArchive"/>), through the engine as the
/// library's users call it, on the real sample articles and copies made of them.
/// </summary>
public sealed class CopyArchiveTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("provenance-archive-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private string DbPath => Path.Combine(_dir, "archive.db");

    private EngineRun Run(params string[] paths) => new ProvenanceEngine(new EngineOptions { BaseDirectory = _dir, FailOn = "none" }).Prepare(paths);

    private EngineRun Shard(string shard, params string[] paths) => new ProvenanceEngine(new EngineOptions { BaseDirectory = _dir, FailOn = "none", Shard = shard }).Prepare(paths);

    // The samples as the published archive; a reprint of the CNN one, headline changed and a
    // paragraph of its own added, as the new text to look up.
    private void WriteArchiveAndReprint()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "published"));
        foreach (var sample in Directory.GetFiles(RepoPaths.Samples, "*.txt"))
        {
            File.Copy(sample, Path.Combine(_dir, "published", Path.GetFileName(sample)));
        }

        var original = File.ReadAllText(RepoPaths.Sample("hezbollah-original-source-cnn.txt")).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Directory.CreateDirectory(Path.Combine(_dir, "incoming"));
        File.WriteAllText(Path.Combine(_dir, "incoming", "reprint.txt"), string.Join("\n\n", ["Israel hits Hezbollah again", .. original.Skip(1), "Our own reporter adds that the strikes went on through the night, according to residents."]));
        File.Copy(RepoPaths.Sample("miami-restraint-spun.txt"), Path.Combine(_dir, "incoming", "unrelated-to-archive.txt"));
        File.Delete(Path.Combine(_dir, "published", "miami-restraint-spun.txt"));
    }

    [Fact]
    public void A_reprint_is_found_in_the_archive_with_the_share_and_lines_the_folder_search_gives()
    {
        WriteArchiveAndReprint();
        using (var archive = CopyArchive.Open(DbPath))
        {
            var added = Run("published").IndexInto(archive);
            added.Added.ShouldBe(Directory.GetFiles(Path.Combine(_dir, "published")).Length);
            added.Total.ShouldBe(added.Added);
        }

        using var reader = CopyArchive.Open(DbPath, readOnly: true);
        var search = Run("incoming").SearchArchive(reader);
        search.Compared.ShouldBe(2);
        var found = search.Found.ShouldHaveSingleItem();
        found.Path.ShouldBe("incoming/reprint.txt");
        var match = found.Matches.ShouldHaveSingleItem();
        match.Path.ShouldBe("published/hezbollah-original-source-cnn.txt");

        // Stored and restored, the print measures as the one made from the file does.
        var together = Run("published/hezbollah-original-source-cnn.txt", "incoming/reprint.txt").FindCopies();
        var side = together.Clusters.ShouldHaveSingleItem().Pairs.ShouldHaveSingleItem().From("incoming/reprint.txt");
        match.Side.ShouldBe(side);
        match.Side.Share.ShouldBeLessThan(1);
        match.Side.OtherShare.ShouldBe(1);
    }

    [Fact]
    public void Adding_again_keeps_unchanged_articles_and_replaces_a_changed_one_with_its_new_text()
    {
        WriteArchiveAndReprint();
        var story = Path.Combine(_dir, "published", "hezbollah-original-source-cnn.txt");
        using var archive = CopyArchive.Open(DbPath);
        var first = Run("published").IndexInto(archive);
        Run("published").IndexInto(archive).ShouldBe(new ArchiveAddition(0, 0, first.Added, first.Total));

        // The story replaced by another text under the same path: the reprint no longer meets it.
        File.Copy(RepoPaths.Sample("miami-restraint-spun.txt"), story, overwrite: true);
        Run("published").IndexInto(archive).ShouldBe(new ArchiveAddition(0, 1, first.Added - 1, first.Total));
        var search = Run("incoming").SearchArchive(archive);
        search.Found.ShouldHaveSingleItem().Path.ShouldBe("incoming/unrelated-to-archive.txt");
    }

    [Fact]
    public void An_article_is_not_its_own_copy_but_the_same_text_at_another_path_is()
    {
        WriteArchiveAndReprint();
        using var archive = CopyArchive.Open(DbPath);
        Run("published").IndexInto(archive);
        Run("published").SearchArchive(archive).Found.ShouldBeEmpty();

        File.Copy(Path.Combine(_dir, "published", "hezbollah-original-source-cnn.txt"), Path.Combine(_dir, "incoming", "same.txt"));
        var same = Run("incoming/same.txt").SearchArchive(archive).Found.ShouldHaveSingleItem().Matches.ShouldHaveSingleItem();
        (same.Side.Share, same.Side.OtherShare).ShouldBe((1.0, 1.0));
    }

    [Fact]
    public void A_stored_print_comes_back_exactly()
    {
        var text = File.ReadAllText(RepoPaths.Sample("hezbollah-original-source-cnn.txt"));
        var print = TextPrint.Of(Article.Read(text, ArticleFormat.Text, "a.txt")).ShouldNotBeNull();
        var paragraphs = text.Split("\n\n");
        var excerpt = TextPrint.Of(Article.Read(string.Join("\n\n", ["Headline", .. paragraphs[1..5]]), ArticleFormat.Text, "b.txt")).ShouldNotBeNull();
        var restored = PrintCodec.Restore("a.txt", print.Words, PrintCodec.Shingles(print), PrintCodec.Lines(print), "archive.db");

        // The same shares and the same lines on both sides, with the file's print or the stored one.
        var finder = new CopyFinder();
        finder.Measure(excerpt, restored).ShouldBe(finder.Measure(excerpt, print));
        finder.Measure(restored, excerpt).ShouldBe(finder.Measure(print, excerpt));
        finder.Measure(excerpt, print).ShouldNotBeNull().SecondLines.First.ShouldBeGreaterThan(1);
        restored.Words.ShouldBe(print.Words);
        PrintCodec.Shingles(restored).ShouldBe(PrintCodec.Shingles(print));
        PrintCodec.Lines(restored).ShouldBe(PrintCodec.Lines(print));
        PrintCodec.Lines(print).Length.ShouldBeLessThan(PrintCodec.Shingles(print).Length / 3);

        var damaged = PrintCodec.Lines(print)[..^1];
        Should.Throw<InvalidDataException>(() => PrintCodec.Restore("a.txt", print.Words, PrintCodec.Shingles(print), damaged, "archive.db"))
            .Message.ShouldStartWith("archive.db: the stored print of 'a.txt' is damaged: ");
    }

    [Fact]
    public void A_new_archive_records_its_schema_version_and_files_that_are_not_archives_are_refused_by_name()
    {
        using (CopyArchive.Open(DbPath))
        {
        }

        UserVersion(DbPath).ShouldBe(CopyArchive.SchemaVersion);

        var text = Path.Combine(_dir, "notes.db");
        File.WriteAllText(text, "not a database at all, just some notes someone kept in a file with a .db name");
        Should.Throw<InvalidDataException>(() => CopyArchive.Open(text)).Message.ShouldStartWith($"{text}: not a Provenance archive");
        File.ReadAllText(text).ShouldStartWith("not a database");

        var other = Path.Combine(_dir, "other.db");
        Execute(other, "CREATE TABLE people (name TEXT)");
        Should.Throw<InvalidDataException>(() => CopyArchive.Open(other)).Message.ShouldContain("not a Provenance archive (it has tables of its own");

        var newer = Path.Combine(_dir, "newer.db");
        using (CopyArchive.Open(newer))
        {
        }

        Execute(newer, $"PRAGMA user_version = {CopyArchive.SchemaVersion + 1}");
        Should.Throw<InvalidDataException>(() => CopyArchive.Open(newer)).Message.ShouldContain("written by a newer Provenance");

        Should.Throw<FileNotFoundException>(() => CopyArchive.Open(Path.Combine(_dir, "missing.db"), readOnly: true)).Message.ShouldContain("'provenance index add FOLDER --db");
        File.Exists(Path.Combine(_dir, "missing.db")).ShouldBeFalse();
    }

    [Fact]
    public void An_archive_of_the_first_schema_is_brought_up_to_date_by_the_next_addition_and_searched_alike_meanwhile()
    {
        WriteArchiveAndReprint();
        using (var archive = CopyArchive.Open(DbPath))
        {
            Run("published").IndexInto(archive);
        }

        // As the first released schema left it: no count of distinct shingles.
        SqliteConnection.ClearAllPools();
        Execute(DbPath, "DROP INDEX articles_by_text_key; ALTER TABLE articles DROP COLUMN text_key; ALTER TABLE articles DROP COLUMN distinct_shingles; ALTER TABLE articles DROP COLUMN credits; PRAGMA user_version = 1");
        Should.Throw<InvalidDataException>(() => CopyArchive.Open(DbPath, readOnly: true)).Message.ShouldEndWith($"an archive of schema version 1; 'provenance index add' brings it to version {CopyArchive.SchemaVersion}");

        using (var archive = CopyArchive.Open(DbPath))
        {
            UserVersion(DbPath).ShouldBe(CopyArchive.SchemaVersion);
            Scalar(DbPath, "SELECT count(*) FROM articles WHERE distinct_shingles IS NULL").ShouldBe(archive.Count);
            Run("incoming").SearchArchive(archive).Found.ShouldHaveSingleItem().Matches.ShouldHaveSingleItem().Path.ShouldBe("published/hezbollah-original-source-cnn.txt");

            var again = Run("published").IndexInto(archive);
            again.Unchanged.ShouldBe(archive.Count);
            Scalar(DbPath, "SELECT count(*) FROM articles WHERE distinct_shingles IS NULL OR credits IS NULL OR text_key IS NULL").ShouldBe(0);
            Scalar(DbPath, "SELECT count(*) FROM articles WHERE credits = 'CNN (www.cnn.com)'").ShouldBe(1);
            Run("incoming").SearchArchive(archive).Found.ShouldHaveSingleItem().Matches.ShouldHaveSingleItem().Path.ShouldBe("published/hezbollah-original-source-cnn.txt");
        }
    }

    [Fact]
    public void A_run_split_into_shards_and_merged_finds_the_groups_the_whole_run_finds()
    {
        // The samples, a reprint and an excerpt of the CNN story and an unchanged copy of the
        // Miami one: two groups, whichever shard each article falls in.
        WriteArchiveAndReprint();
        var cnn = File.ReadAllText(RepoPaths.Sample("hezbollah-original-source-cnn.txt")).Split("\n\n");
        File.WriteAllText(Path.Combine(_dir, "published", "excerpt.txt"), string.Join("\n\n", ["Excerpt", .. cnn[1..3]]));
        File.Copy(RepoPaths.Sample("miami-restraint-spun.txt"), Path.Combine(_dir, "published", "miami-again.txt"));
        var whole = Run("published", "incoming").FindCopies();
        whole.Clusters.Count.ShouldBe(2);

        var shards = new List<string>();
        foreach (var shard in new[] { "1/3", "2/3", "3/3" })
        {
            var file = Path.Combine(_dir, $"shard-{shard[0]}.db");
            using var archive = CopyArchive.Open(file);
            Shard(shard, "published", "incoming").IndexInto(archive);
            shards.Add(file);
        }

        using var merged = CopyArchive.Open(DbPath);
        foreach (var shard in shards)
        {
            merged.Merge(shard).Updated.ShouldBe(0);
        }

        var fromShards = merged.FindClusters();
        fromShards.Compared.ShouldBe(whole.Compared);
        fromShards.Clusters.Select(c => string.Join(" ", c.Paths)).ShouldBe(whole.Clusters.Select(c => string.Join(" ", c.Paths)));
        fromShards.Clusters.SelectMany(c => c.Pairs).ShouldBe(whole.Clusters.SelectMany(c => c.Pairs));
        fromShards.Origins.Select(o => (o.Original, o.Reason)).ShouldBe(whole.Origins.Select(o => (o.Original, o.Reason)));

        // Rows stored before the text key was kept (schema 2) are grouped alike: their key is computed.
        SqliteConnection.ClearAllPools();
        Execute(DbPath, "UPDATE articles SET text_key = NULL");
        merged.FindClusters().Clusters.SelectMany(c => c.Pairs).ShouldBe(whole.Clusters.SelectMany(c => c.Pairs));

        // Merged again, nothing changes; a shard holding an article changed since replaces it.
        merged.Merge(shards[0]).ShouldBe(new ArchiveAddition(0, 0, (int)Scalar(shards[0], "SELECT count(*) FROM articles"), merged.Count));
        File.WriteAllText(Path.Combine(_dir, "incoming", "reprint.txt"), File.ReadAllText(RepoPaths.Sample("ceasefire-banxchange.txt")));
        var later = Path.Combine(_dir, "later.db");
        using (var archive = CopyArchive.Open(later))
        {
            Run("incoming/reprint.txt").IndexInto(archive);
        }

        merged.Merge(later).ShouldBe(new ArchiveAddition(0, 1, 0, merged.Count));
        var now = merged.FindClusters();
        now.Clusters.ShouldNotContain(c => c.Paths.Contains("incoming/reprint.txt") && c.Paths.Contains("published/hezbollah-original-source-cnn.txt"));
        now.Clusters.ShouldContain(c => c.Paths.Contains("incoming/reprint.txt") && c.Paths.Contains("published/ceasefire-banxchange.txt"));

        Should.Throw<InvalidDataException>(() => merged.Merge(DbPath)).Message.ShouldContain("cannot be merged into itself");
        Should.Throw<FileNotFoundException>(() => merged.Merge(Path.Combine(_dir, "missing.db")));
    }

    [Fact]
    public void A_reader_searches_while_a_writer_holds_an_open_addition()
    {
        WriteArchiveAndReprint();
        using var writer = CopyArchive.Open(DbPath);
        Run("published").IndexInto(writer);

        // A second writer's transaction is open (not committed) while the reader searches.
        using var pending = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        pending.Open();
        using var transaction = pending.BeginTransaction();
        using (var command = pending.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM articles";
            command.ExecuteNonQuery();
        }

        using var reader = CopyArchive.Open(DbPath, readOnly: true);
        Run("incoming").SearchArchive(reader).Found.ShouldHaveSingleItem().Path.ShouldBe("incoming/reprint.txt");
        transaction.Rollback();
    }

    private static long UserVersion(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return (long)command.ExecuteScalar()!;
    }

    private static long Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
