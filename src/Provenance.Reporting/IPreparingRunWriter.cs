namespace Provenance.Reporting;

/// <summary>
/// A run writer that can make an article's part of its output ahead of writing it, on another
/// thread: the host makes each part where the article was checked, and the thread writing the
/// run only copies it out. A run that holds its results until the end (one looking for copies)
/// writes every article at once, after the last check, where rendering them one by one on the
/// writing thread was the run's tail.
/// </summary>
internal interface IPreparingRunWriter
{
    /// <summary>The article's part of the output, as <see cref="IRunWriter.Add"/> would write it; safe on any thread, in any order.</summary>
    PreparedItem Prepare(RunItem item);

    /// <summary>Writes the next article from the part <see cref="Prepare"/> made of it (and gives the part's buffer back).</summary>
    void Add(RunItem item, PreparedItem prepared);
}
