namespace Provenance.Hosting;

/// <summary>
/// A file's size and modification time (UTC ticks), or nothing (<see cref="Trusted"/> false) when
/// they cannot tell a change: a file modified in the last seconds may change again within the
/// clock's resolution and keep both, so its stamp is not kept (git's "racily clean" files).
/// </summary>
internal readonly record struct FileStamp(long Length, long Ticks)
{
    // Far more than any file system's timestamp resolution (FAT's is 2 s).
    private static readonly TimeSpan Settled = TimeSpan.FromSeconds(3);

    public bool Trusted => Ticks != 0;

    /// <summary>The stamp of a file as just looked up, kept only if it was last written long enough before <paramref name="now"/>.</summary>
    public static FileStamp Of(FileInfo file, DateTime now)
    {
        if (!file.Exists)
        {
            return default;
        }

        var written = file.LastWriteTimeUtc;
        return now - written >= Settled ? new FileStamp(file.Length, written.Ticks) : default;
    }
}
