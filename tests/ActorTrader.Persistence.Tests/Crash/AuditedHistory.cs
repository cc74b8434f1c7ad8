using ActorTrader.Persistence.CrashProbe;

namespace ActorTrader.Persistence.Tests.Crash;

/// <summary>
/// One persistence id as the journal holds it after a kill, already checked: <see cref="States"/>[n] is the state
/// after events 1..n (so [0] is empty), and <see cref="SnapshotSequenceNr"/> the newest stored snapshot (0 = none).
/// </summary>
internal sealed record AuditedHistory(string PersistenceId, IReadOnlyList<ProbeState> States, long SnapshotSequenceNr)
{
    public static AuditedHistory Empty(string persistenceId) => new(persistenceId, [ProbeState.Empty], 0);

    public long HighestSequenceNr => States.Count - 1;

    /// <summary>What the probe must print when it recovers this id next.</summary>
    public RecoveredLine ExpectedRecovery => new(PersistenceId, HighestSequenceNr, States[^1].Count, States[^1].Checksum, SnapshotSequenceNr);
}
