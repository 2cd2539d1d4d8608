using System.Runtime.ExceptionServices;

namespace Provenance.Cli;

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
        var state = new State<T>(count, Math.Max(1, window), work);
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
        private int _awaited = -1;
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
                if (Volatile.Read(ref _awaited) == index)
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
                lock (_gate)
                {
                    while (true)
                    {
                        Volatile.Write(ref _awaited, index);
                        Interlocked.MemoryBarrier();
                        result = Volatile.Read(ref _results[index]);
                        if (result is not null || _failure is not null)
                        {
                            break;
                        }

                        Monitor.Wait(_gate);
                    }

                    Volatile.Write(ref _awaited, -1);
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
