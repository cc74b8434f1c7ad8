using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace ActorTrader.Streams.Tests;

/// <summary>
/// Runs a scenario, then forces the finalizers that raise <see cref="TaskScheduler.UnobservedTaskException"/>, and
/// returns the unobserved exceptions whose message (or an inner one's) contains the scenario's marker.
/// </summary>
internal static class UnobservedExceptions
{
    public static async Task<IReadOnlyList<Exception>> CollectAsync(string marker, Func<Task> scenario)
    {
        var seen = new ConcurrentQueue<Exception>();
        EventHandler<UnobservedTaskExceptionEventArgs> handler = (_, e) =>
        {
            foreach (var inner in e.Exception.Flatten().InnerExceptions)
            {
                if (Mentions(inner, marker)) seen.Enqueue(inner);
            }
        };
        TaskScheduler.UnobservedTaskException += handler;
        try
        {
            await RunAsync(scenario);
            for (var i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= handler;
        }
        return [.. seen];
    }

    // Not inlined, so nothing the scenario created stays reachable from this frame.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Task RunAsync(Func<Task> scenario) => scenario();

    private static bool Mentions(Exception? error, string marker)
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error.Message.Contains(marker, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
