using System.Runtime.CompilerServices;
using ActorTrader.Persistence.Journal;

namespace ActorTrader.Persistence.Memory;

/// <summary>
/// The in-memory journal: the reference model of <see cref="IJournal"/> (atomic writes, the unique
/// (persistence id, sequence nr) key, logical deletes, a global ordering). Fast behaviour tests run on it.
/// </summary>
public sealed class MemoryJournal(MemoryStorage storage) : IJournal
{
    private bool _disposed;

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Task.CompletedTask;
    }

    public Task WriteAsync(IReadOnlyList<PersistentRepr> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (events.Count == 0) return Task.CompletedTask;
        var persistenceId = events[0].PersistenceId;
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].PersistenceId != persistenceId)
                throw new ArgumentException($"One write holds events of \"{persistenceId}\" and \"{events[i].PersistenceId}\". Fix: write each persistence id separately.", nameof(events));
            if (i > 0 && events[i].SequenceNr != events[i - 1].SequenceNr + 1)
                throw new ArgumentException($"The events of one write must have consecutive sequence numbers; {events[i - 1].SequenceNr} is followed by {events[i].SequenceNr}.", nameof(events));
        }
        lock (storage.Gate)
        {
            var rows = storage.EventsById.TryGetValue(persistenceId, out var existing) ? existing : null;
            if (rows is not null)
            {
                // All or nothing: check every key before storing any row.
                var taken = events.FirstOrDefault(e => rows.BinarySearch(e, BySequenceNr.Instance) >= 0);
                if (taken is not null)
                {
                    throw new JournalConcurrencyException(
                        $"Event {taken.SequenceNr} of persistence id \"{persistenceId}\" already exists: another writer owns this id. The write was refused and nothing was stored.")
                    {
                        PersistenceId = persistenceId,
                        SequenceNr = taken.SequenceNr,
                    };
                }
            }
            else
            {
                rows = [];
                storage.EventsById[persistenceId] = rows;
            }
            foreach (var e in events)
            {
                var stored = MemoryStorage.Copy(e) with { Ordering = storage.EventsByOrdering.Count + 1, IsDeleted = false };
                var index = rows.BinarySearch(stored, BySequenceNr.Instance);
                rows.Insert(~index, stored);
                storage.EventsByOrdering.Add(stored);
            }
        }
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<PersistentRepr> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        PersistentRepr[] selected;
        lock (storage.Gate)
        {
            selected = storage.EventsById.TryGetValue(persistenceId, out var rows)
                ? rows.Where(r => !r.IsDeleted && r.SequenceNr >= fromSequenceNr && r.SequenceNr <= toSequenceNr)
                    .Take((int)Math.Min(max, int.MaxValue)).Select(MemoryStorage.Copy).ToArray()
                : [];
        }
        foreach (var repr in selected)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return repr;
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (storage.Gate)
        {
            return Task.FromResult(storage.EventsById.TryGetValue(persistenceId, out var rows) && rows.Count > 0 ? rows[^1].SequenceNr : 0L);
        }
    }

    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (storage.Gate)
        {
            if (!storage.EventsById.TryGetValue(persistenceId, out var rows)) return Task.CompletedTask;
            for (var i = 0; i < rows.Count && rows[i].SequenceNr <= toSequenceNr; i++)
            {
                if (rows[i].IsDeleted) continue;
                var deleted = rows[i] with { IsDeleted = true };
                rows[i] = deleted;
                storage.EventsByOrdering[(int)(deleted.Ordering - 1)] = deleted;
            }
        }
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _disposed = true;
        return ValueTask.CompletedTask;
    }

    private sealed class BySequenceNr : IComparer<PersistentRepr>
    {
        public static readonly BySequenceNr Instance = new();

        public int Compare(PersistentRepr? x, PersistentRepr? y) => x!.SequenceNr.CompareTo(y!.SequenceNr);
    }
}
