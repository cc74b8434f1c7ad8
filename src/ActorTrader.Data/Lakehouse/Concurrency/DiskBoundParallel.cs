using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace ActorTrader.Data.Lakehouse.Concurrency;

/// <summary>
/// A parallel loop for bodies that mostly wait on the disk (fsync). They run on threads of their own rather than the
/// thread pool: the pool has about one thread per core and adds more only slowly, so blocking fsyncs would queue
/// behind each other, while concurrent fsyncs overlap on the device (on a virtual disk one takes ~2 ms; sixteen in
/// flight finish in well under twice that).
/// </summary>
internal static class DiskBoundParallel
{
    /// <summary>
    /// Runs <paramref name="body"/> for 0..count-1 on up to <paramref name="threads"/> threads, the caller's included.
    /// After a failure no further index starts; one failure is rethrown as itself, several as an <see cref="AggregateException"/>.
    /// </summary>
    public static void For(int count, int threads, Action<int> body)
    {
        var workers = Math.Min(count, threads);
        if (workers <= 1)
        {
            for (var i = 0; i < count; i++) body(i);
            return;
        }

        var next = -1;
        var failures = new ConcurrentQueue<ExceptionDispatchInfo>();
        void Work()
        {
            int i;
            while (failures.IsEmpty && (i = Interlocked.Increment(ref next)) < count)
            {
                try
                {
                    body(i);
                }
                catch (Exception e)
                {
                    failures.Enqueue(ExceptionDispatchInfo.Capture(e));
                }
            }
        }

        var helpers = new Thread[workers - 1];
        for (var t = 0; t < helpers.Length; t++)
        {
            helpers[t] = new Thread(Work) { IsBackground = true, Name = "lakehouse-disk" };
            helpers[t].Start();
        }

        Work();
        foreach (var helper in helpers) helper.Join();
        if (failures.Count == 1) failures.First().Throw();
        if (failures.Count > 1) throw new AggregateException(failures.Select(f => f.SourceException));
    }
}
