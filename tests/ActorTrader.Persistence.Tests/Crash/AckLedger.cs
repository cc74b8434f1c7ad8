using ActorTrader.Persistence.CrashProbe;

namespace ActorTrader.Persistence.Tests.Crash;

/// <summary>
/// Every event the probe acknowledged, over all runs, per persistence id: the set that must survive every kill.
/// Also checks the live stream of one run: acknowledgements of an id continue from its recovered sequence number
/// without gaps or repeats.
/// </summary>
internal sealed class AckLedger
{
    private readonly Dictionary<string, SortedDictionary<long, long>> _acked = [];
    private readonly Dictionary<string, long> _nextInRun = [];

    public long Count { get; private set; }

    /// <summary>Acknowledged values of <paramref name="persistenceId"/> by sequence number.</summary>
    public IReadOnlyDictionary<long, long> Of(string persistenceId) =>
        _acked.TryGetValue(persistenceId, out var acked) ? acked : new SortedDictionary<long, long>();

    public long HighestAcked(string persistenceId) =>
        _acked.TryGetValue(persistenceId, out var acked) && acked.Count > 0 ? acked.Keys.Last() : 0;

    /// <summary>A new run starts: no id may acknowledge anything before it reported its recovery.</summary>
    public void StartRun() => _nextInRun.Clear();

    public void Recovered(RecoveredLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!_nextInRun.TryAdd(line.PersistenceId, line.LastSequenceNr + 1))
            throw new CrashCheckException($"{line.PersistenceId} reported its recovery twice in one run (second: \"{line.Format()}\").");
    }

    public void Acked(AckLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!_nextInRun.TryGetValue(line.PersistenceId, out var expected))
            throw new CrashCheckException($"\"{line.Format()}\" came before {line.PersistenceId} reported its recovery.");
        if (line.SequenceNr != expected)
            throw new CrashCheckException($"\"{line.Format()}\": expected sequence number {expected} (one after the last recovered or acknowledged), got {line.SequenceNr}.");
        _nextInRun[line.PersistenceId] = expected + 1;
        if (!_acked.TryGetValue(line.PersistenceId, out var acked)) _acked[line.PersistenceId] = acked = [];
        if (!acked.TryAdd(line.SequenceNr, line.Value))
            throw new CrashCheckException($"\"{line.Format()}\": sequence number {line.SequenceNr} of {line.PersistenceId} was already acknowledged with value {acked[line.SequenceNr]} in an earlier run.");
        Count++;
    }
}
