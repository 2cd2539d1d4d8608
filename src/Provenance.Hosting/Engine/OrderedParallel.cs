using System.Runtime.ExceptionServices;

namespace Provenance.Hosting;

/// <summary>
/// Runs work on many inputs at once and hands the results on in input order, holding at most a
/// window of finished results ahead of the one awaited: a run is reported as it goes, in the same
/// order (and so the same bytes) whatever the parallelism, without being held whole.
/// </summary>
internal static class OrderedParallel
{
    /// <summary>
    /// The results of <paramref name="work"/> on 0…<paramref name="count"/>-1, in order. Workers
    /// take inputs in increasing order, so the input awaited is always taken before any beyond the
    /// window: the window bounds memory and can never stall the run. An exception in the work is
    /// thrown from the enumeration; leaving the enumeration early stops the workers.
    /// </summary>
    public static IEnumerable<T> Select<T>(int count, int jobs, int window, Func<int, T> work)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        return count <= 1 ? Inline(count, work) : Parallel(count, jobs, window, work);
    }

    // One input (a one-file check) has nothing to overlap: starting a worker thread for it is
    // only a delay before the work and a hand-over after it.
    private static IEnumerable<T> Inline<T>(int count, Func<int, T> work)
    {
        for (var index = 0; index < count; index++)
        {
            yield return work(index);
        }
    }

    private static IEnumerable<T> Parallel<T>(int count, int jobs, int window, Func<int, T> work)
        where T : class
    {
        var state = new State<T>(count, window, work);
        var workers = Enumerable.Range(0, Math.Clamp(jobs, 1, Math.Max(1, count)))
            .Select(_ => Task.Factory.StartNew(state.Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        try
        {
            for (var index = 0; index < count; index++)
            {
                yield return state.Take(index);
            }
        }
        finally
        {
            state.Stop();
            Task.WaitAll(workers);
        }
    }

    // Workers claim inputs with an atomic counter and publish results into their slots without a
    // lock; the lock is taken only to sleep and to wake a sleeper. Each side writes its own
    // variable, fences, then reads the other's (the reader's awaited slot against a worker's
    // result, a worker's being blocked against the reader's progress), so no wake-up is lost.
    // Locking every hand-over cost more than checking an article found in the cache.
    private sealed class State<T>(int count, int window, Func<int, T> work)
        where T : class
    {
        private readonly object _gate = new();
        private readonly T?[] _results = new T?[count];
        private int _taken;
        private int _consumed;
        // The reader sleeps until a result some way ahead of the one it needs is in, then takes the
        // run of them without sleeping in between: waking per result cost more than the results.
        private const int Batch = 32;
        private int _wakeAt = -1;
        private int _blockedWorkers;
        private volatile bool _stopped;
        private volatile ExceptionDispatchInfo? _failure;

        public void Work()
        {
            while (true)
            {
                var index = Interlocked.Increment(ref _taken) - 1;
                if (index >= count || _stopped || _failure is not null || !WaitForRoom(index))
                {
                    return;
                }

                T result;
                try
                {
                    result = work(index);
                }
                catch (Exception ex)
                {
                    lock (_gate)
                    {
                        _failure ??= ExceptionDispatchInfo.Capture(ex);
                        Monitor.PulseAll(_gate);
                    }

                    return;
                }

                Volatile.Write(ref _results[index], result);
                Interlocked.MemoryBarrier();
                if (Volatile.Read(ref _wakeAt) == index)
                {
                    lock (_gate)
                    {
                        Monitor.PulseAll(_gate);
                    }
                }
            }
        }

        public T Take(int index)
        {
            var result = Volatile.Read(ref _results[index]);
            if (result is null)
            {
                // Never beyond the window: a result there waits for this one to be read.
                var wakeAt = Math.Min(index + Math.Min(Batch, window), count) - 1;
                lock (_gate)
                {
                    while (true)
                    {
                        Volatile.Write(ref _wakeAt, wakeAt);
                        Interlocked.MemoryBarrier();
                        if (_failure is not null)
                        {
                            break;
                        }

                        if (Volatile.Read(ref _results[wakeAt]) is not null)
                        {
                            if (wakeAt == index)
                            {
                                break;
                            }

                            // The end of the batch is in: now the one awaited, if it is not yet.
                            wakeAt = index;
                            continue;
                        }

                        Monitor.Wait(_gate);
                    }

                    result = Volatile.Read(ref _results[index]);
                    Volatile.Write(ref _wakeAt, -1);
                    if (result is null)
                    {
                        _failure!.Throw();
                    }
                }
            }

            _results[index] = null;
            Volatile.Write(ref _consumed, index + 1);
            Interlocked.MemoryBarrier();
            if (Volatile.Read(ref _blockedWorkers) > 0)
            {
                lock (_gate)
                {
                    Monitor.PulseAll(_gate);
                }
            }

            return result!;
        }

        public void Stop()
        {
            lock (_gate)
            {
                _stopped = true;
                Monitor.PulseAll(_gate);
            }
        }

        // Inputs are claimed in order, so the one the reader awaits is never held back here.
        private bool WaitForRoom(int index)
        {
            if (index < Volatile.Read(ref _consumed) + window)
            {
                return true;
            }

            lock (_gate)
            {
                while (!_stopped && _failure is null)
                {
                    Volatile.Write(ref _blockedWorkers, _blockedWorkers + 1);
                    Interlocked.MemoryBarrier();
                    var room = index < Volatile.Read(ref _consumed) + window;
                    if (!room)
                    {
                        Monitor.Wait(_gate);
                    }

                    Volatile.Write(ref _blockedWorkers, _blockedWorkers - 1);
                    if (room)
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }
}
