namespace Provenance.Threading;

/// <summary>
/// Runs start-up work on a thread of its own rather than the thread pool. Starting the pool (its
/// workers' semaphore and their first thread) cost a one-file check about 9 ms of the main
/// thread before anything else could begin, and nothing else such a check does needs the pool.
/// Measured again against <c>Task.Run</c> (docs/benchmarks.md, issue 30): 4–6 ms of a one-file check.
/// </summary>
internal static class OwnThread
{
    /// <summary>Starts <paramref name="work"/> on a new background thread; its result or exception comes through the task.</summary>
    public static Task<T> Run<T>(Func<T> work, string name)
    {
        ArgumentNullException.ThrowIfNull(work);
        var result = new TaskCompletionSource<T>();
        var thread = new Thread(() =>
        {
            try
            {
                result.SetResult(work());
            }
            catch (Exception ex)
            {
                result.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        return result.Task;
    }
}
