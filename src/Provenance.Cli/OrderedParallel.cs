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

    private sealed class State<T>(int count, int window, Func<int, T> work)
        where T : class
    {
        private readonly object _gate = new();
        private readonly T?[] _results = new T?[count];
        private int _taken;
        private int _consumed;

        // Who waits, so that a finished result or a freed slot wakes only a thread that needs it:
        // waking every thread for every article cost more than checking a cached one.
        private int _awaited = -1;
        private int _blockedWorkers;
        private bool _stopped;
        private ExceptionDispatchInfo? _failure;

        public void Work()
        {
            while (true)
            {
                int index;
                lock (_gate)
                {
                    while (!_stopped && _failure is null && _taken < count && _taken >= _consumed + window)
                    {
                        _blockedWorkers++;
                        Monitor.Wait(_gate);
                        _blockedWorkers--;
                    }

                    if (_stopped || _failure is not null || _taken >= count)
                    {
                        return;
                    }

                    index = _taken++;
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

                lock (_gate)
                {
                    _results[index] = result;
                    if (index == _awaited)
                    {
                        Monitor.PulseAll(_gate);
                    }
                }
            }
        }

        public T Take(int index)
        {
            lock (_gate)
            {
                while (_results[index] is null && _failure is null)
                {
                    _awaited = index;
                    Monitor.Wait(_gate);
                }

                _awaited = -1;
                _failure?.Throw();
                var result = _results[index]!;
                _results[index] = null;
                _consumed = index + 1;
                if (_blockedWorkers > 0)
                {
                    Monitor.PulseAll(_gate);
                }

                return result;
            }
        }

        public void Stop()
        {
            lock (_gate)
            {
                _stopped = true;
                Monitor.PulseAll(_gate);
            }
        }
    }
}
