using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Serialization;

namespace ActorTrader.Trading.Host.Replay;

/// <summary>
/// Where a replay stands: its start event (null before one), the completed days in order, and whether it finished.
/// Rebuilt from the replay cursor's events by the actor and, before the node starts, by <see cref="LoadAsync"/>.
/// </summary>
public sealed record ReplayCursor(ReplayStarted? Started, IReadOnlyList<ReplayDayCompleted> Completed, bool Finished)
{
    public const string PersistenceId = "replay-cursor";

    public static ReplayCursor Empty { get; } = new(null, [], false);

    /// <summary>The last completed day, or null when none.</summary>
    public ReplayDayCompleted? Last => Completed.Count == 0 ? null : Completed[^1];

    public ReplayCursor Apply(object @event) => @event switch
    {
        ReplayStarted started => new ReplayCursor(started, [], false),
        ReplayDayCompleted day when Completed.All(d => d.Date != day.Date) => this with { Completed = [.. Completed, day] },
        ReplayFinished => this with { Finished = true },
        _ => this,
    };

    /// <summary>True when a replay of <paramref name="start"/> and <paramref name="days"/> days was started here and has not finished.</summary>
    public bool Resumes(DateOnly start, int days) => Started is { } s && !Finished && s.Start == start && s.Days == days;

    /// <summary>Reads the cursor straight from the journal (before any actor runs), e.g. to decide whether a replay resumes.</summary>
    public static async Task<ReplayCursor> LoadAsync(IJournal journal, EventSerializer serializer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(serializer);
        var cursor = Empty;
        await foreach (var repr in journal.ReplayAsync(PersistenceId, 1, long.MaxValue, long.MaxValue, cancellationToken).ConfigureAwait(false))
            cursor = cursor.Apply(serializer.Deserialize(repr.Manifest, repr.Payload, repr.PersistenceId, repr.SequenceNr));
        return cursor;
    }
}
