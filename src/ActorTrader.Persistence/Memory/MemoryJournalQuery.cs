using System.Runtime.CompilerServices;
using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Query;

namespace ActorTrader.Persistence.Memory;

/// <summary>Read-model queries over <see cref="MemoryStorage"/>. Orderings are assigned under one lock, so there are never gaps to wait for.</summary>
public sealed class MemoryJournalQuery(MemoryStorage storage) : IJournalQuery
{
    public IAsyncEnumerable<PersistentRepr> CurrentEventsByPersistenceIdAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, CancellationToken cancellationToken = default)
    {
        PersistentRepr[] selected;
        lock (storage.Gate)
        {
            selected = storage.EventsById.TryGetValue(persistenceId, out var rows)
                ? rows.Where(r => !r.IsDeleted && r.SequenceNr >= fromSequenceNr && r.SequenceNr <= toSequenceNr).Select(MemoryStorage.Copy).ToArray()
                : [];
        }
        return Yield(selected, cancellationToken);
    }

    public IAsyncEnumerable<PersistentRepr> CurrentEventsByTagAsync(string tag, long afterOrdering, int max, CancellationToken cancellationToken = default) =>
        After(afterOrdering, max, r => r.Tags.Contains(tag, StringComparer.Ordinal), cancellationToken);

    public IAsyncEnumerable<PersistentRepr> CurrentAllEventsAsync(long afterOrdering, int max, CancellationToken cancellationToken = default) =>
        After(afterOrdering, max, _ => true, cancellationToken);

    public Task<long> MaxOrderingAsync(CancellationToken cancellationToken = default)
    {
        lock (storage.Gate) return Task.FromResult((long)storage.EventsByOrdering.Count);
    }

    public IAsyncEnumerable<string> CurrentPersistenceIdsAsync(CancellationToken cancellationToken = default)
    {
        string[] ids;
        lock (storage.Gate) ids = storage.EventsById.Keys.Order(StringComparer.Ordinal).ToArray();
        return Yield(ids, cancellationToken);
    }

    private IAsyncEnumerable<PersistentRepr> After(long afterOrdering, int max, Func<PersistentRepr, bool> include, CancellationToken cancellationToken)
    {
        PersistentRepr[] selected;
        lock (storage.Gate)
        {
            var start = (int)Math.Clamp(afterOrdering, 0, storage.EventsByOrdering.Count);
            selected = storage.EventsByOrdering.Skip(start).Where(r => !r.IsDeleted && include(r)).Take(max).Select(MemoryStorage.Copy).ToArray();
        }
        return Yield(selected, cancellationToken);
    }

    private static async IAsyncEnumerable<T> Yield<T>(IReadOnlyList<T> items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }
}
