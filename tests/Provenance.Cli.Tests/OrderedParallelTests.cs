using Provenance.Hosting;

namespace Provenance.Cli.Tests;

/// <summary>
/// The check pipeline hands results on in input order while several are worked on at once, and
/// never runs further ahead of the reader than its window: that is what keeps reports the same
/// bytes at any parallelism and a large run's memory flat.
/// </summary>
public sealed class OrderedParallelTests
{
    [Theory]
    [InlineData(0, 2, 4)]
    [InlineData(1, 2, 4)]
    [InlineData(1000, 1, 1)]
    [InlineData(1000, 2, 8)]
    [InlineData(1000, 8, 3)]
    public void Results_come_in_input_order(int count, int jobs, int window)
    {
        // Uneven work, so later inputs often finish first.
        var results = OrderedParallel.Select(count, jobs, window, i =>
        {
            Thread.SpinWait((i * 7919 % 13) * 200);
            return i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }).ToList();
        results.ShouldBe(Enumerable.Range(0, count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList());
    }

    [Fact]
    public void A_single_input_is_worked_on_by_the_reader_without_starting_a_worker()
    {
        var reader = Environment.CurrentManagedThreadId;
        var worker = OrderedParallel.Select(1, 2, 4, _ => (object)Environment.CurrentManagedThreadId).Single();
        worker.ShouldBe(reader);
    }

    [Fact]
    public void Work_never_runs_more_than_the_window_ahead_of_the_reader()
    {
        const int window = 5;
        var started = 0;
        var read = 0;
        var furthest = 0;
        foreach (var _ in OrderedParallel.Select(300, 4, window, i =>
        {
            var ahead = Interlocked.Increment(ref started) - Volatile.Read(ref read);
            InterlockedMax(ref furthest, ahead);
            return new object();
        }))
        {
            Interlocked.Increment(ref read);
            Thread.Sleep(1);
        }

        furthest.ShouldBeLessThanOrEqualTo(window + 1);
        furthest.ShouldBeGreaterThan(1, "the work ran ahead of the reader at all");
    }

    [Fact]
    public void An_exception_in_the_work_reaches_the_reader_and_stops_the_workers()
    {
        var done = 0;
        var error = Should.Throw<InvalidOperationException>(() => OrderedParallel.Select(10_000, 2, 16, i =>
        {
            Interlocked.Increment(ref done);
            return i == 40 ? throw new InvalidOperationException("article 40 broke") : new object();
        }).ToList());
        error.Message.ShouldBe("article 40 broke");
        done.ShouldBeLessThan(200);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var current = Volatile.Read(ref target); value > current; current = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, current) == current)
            {
                return;
            }
        }
    }
}
