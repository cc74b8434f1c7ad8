using System.Collections.Concurrent;

namespace ActorTrader.Persistence;

/// <summary>
/// Journal writes still running, per persistence id. A write whose caller gave up (call-timeout) may still land;
/// a new incarnation waits for it before reading the highest sequence number, so it never numbers over it.
/// </summary>
internal sealed class InFlightWrites
{
    private readonly ConcurrentDictionary<string, Task> _tails = new(StringComparer.Ordinal);

    public void Track(string persistenceId, Task write)
    {
        var tail = _tails.AddOrUpdate(persistenceId, write, (_, previous) => previous.IsCompleted ? write : Task.WhenAll(previous, write));
        tail.ContinueWith(_ => _tails.TryRemove(KeyValuePair.Create(persistenceId, tail)),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Completes when every write tracked so far for the id has finished, successfully or not.</summary>
    public Task WhenSettled(string persistenceId) =>
        _tails.TryGetValue(persistenceId, out var tail)
            ? tail.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default)
            : Task.CompletedTask;
}
