using ActorTrader.Data.Lakehouse.Concurrency;

namespace ActorTrader.Data.Tests.Lakehouse.Concurrency;

public sealed class DiskBoundParallelTests
{
    [Fact]
    public void Every_index_runs_exactly_once()
    {
        var runs = new int[500];
        DiskBoundParallel.For(runs.Length, 16, i => Interlocked.Increment(ref runs[i]));
        Assert.All(runs, count => Assert.Equal(1, count));
    }

    [Fact]
    public void One_failure_is_rethrown_as_itself()
    {
        var thrown = Assert.Throws<IOException>(() => DiskBoundParallel.For(100, 8, i =>
        {
            if (i == 37) throw new IOException("disk full at 37");
        }));
        Assert.Equal("disk full at 37", thrown.Message);
    }

    [Fact]
    public void Failures_on_several_threads_are_all_reported()
    {
        // Both bodies wait for each other before failing, so the two failures are certain to happen on two threads.
        using var bothStarted = new Barrier(2);
        var thrown = Assert.Throws<AggregateException>(() => DiskBoundParallel.For(2, 2, i =>
        {
            bothStarted.SignalAndWait();
            throw new IOException($"failure {i}");
        }));
        Assert.Equal(["failure 0", "failure 1"], thrown.InnerExceptions.Select(e => e.Message).Order());
    }

    [Fact]
    public void Bodies_run_on_as_many_threads_as_asked()
    {
        // Eight bodies that each wait until all eight have started can only finish if eight run at once.
        using var allStarted = new Barrier(8);
        var threads = new System.Collections.Concurrent.ConcurrentDictionary<int, bool>();
        DiskBoundParallel.For(8, 8, _ =>
        {
            threads[Environment.CurrentManagedThreadId] = true;
            allStarted.SignalAndWait();
        });
        Assert.Equal(8, threads.Count);
    }
}
