using System.Diagnostics;
using ActorTrader.Persistence.CrashProbe;

namespace ActorTrader.Persistence.Tests.Crash;

/// <summary>
/// Kills the probe again and again on one database and checks, after every kill, that the journal holds every
/// acknowledged event (see <see cref="JournalAudit"/>) and, at every start, that the probe recovers exactly what the
/// journal holds and continues numbering from there. A last start only checks recovery.
/// Random choices come from one seed, printed in every failure; ACTORTRADER_CRASH_SEED repeats a run.
/// </summary>
internal sealed class CrashTrials(ICrashBackend backend, ProbeMode mode, int actors, int trials)
{
    public const string SeedVariable = "ACTORTRADER_CRASH_SEED";

    private readonly AckLedger _ledger = new();
    private readonly Dictionary<string, AuditedHistory> _audited = Enumerable.Range(0, actors)
        .Select(ProbeArguments.PersistenceIdOf)
        .ToDictionary(id => id, AuditedHistory.Empty);
    private readonly HashSet<(string PersistenceId, long SequenceNr)> _snapshotsInFlight = [];
    private int _killsDuringSnapshotSave;
    private int _recoveriesFromSnapshot;
    private TimeSpan _inProbe;
    private TimeSpan _inAudit;

    public static int ChooseSeed() =>
        int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), out var seed) ? seed : Random.Shared.Next();

    public async Task<CrashTrialsSummary> RunAsync(int seed)
    {
        var random = new Random(seed);
        for (var trial = 1; trial <= trials + 1; trial++)
        {
            var killPoint = trial <= trials ? KillPoint.Choose(random, mode) : KillPoint.AfterRecoveryOf(actors);
            try
            {
                await RunOnceAsync(killPoint);
            }
            catch (Exception e)
            {
                // Every failure carries the seed, so the series can be repeated.
                throw new CrashCheckException(
                    $"{backend.Description}, {mode} mode, seed {seed} ({SeedVariable}={seed} repeats it), run {trial} of {trials + 1}, killed {killPoint.Description}: {e.Message}", e);
            }
        }
        var durable = _audited.Values.Sum(h => h.HighestSequenceNr);
        return new CrashTrialsSummary(seed, trials, _ledger.Count, durable - _ledger.Count, _killsDuringSnapshotSave, _recoveriesFromSnapshot, _inProbe, _inAudit);
    }

    private async Task RunOnceAsync(KillPoint killPoint)
    {
        _ledger.StartRun();
        _snapshotsInFlight.Clear();
        var started = Stopwatch.GetTimestamp();
        await using (var probe = ProbeProcess.Start(ProbeArguments.Format(backend.ProbeArguments, mode, actors)))
        {
            try
            {
                var counted = 0;
                while (counted < killPoint.Lines)
                {
                    var line = await probe.ReadLineAsync()
                        ?? throw new CrashCheckException($"The probe exited on its own (code {await probe.WaitForExitCodeAsync()}) before it was killed.");
                    Observe(line);
                    if (killPoint.Counts(line)) counted++;
                }
                probe.KillHard();
                foreach (var line in await probe.DrainAfterExitAsync()) Observe(line);
            }
            catch (Exception e) when (e is CrashCheckException or FormatException)
            {
                // What the probe logged (a restarted actor, a store error) usually explains the violation.
                throw new CrashCheckException($"{e.Message} The probe's stderr: {probe.Stderr()}", e);
            }
        }
        if (_snapshotsInFlight.Count > 0) _killsDuringSnapshotSave++;
        _inProbe += Stopwatch.GetElapsedTime(started);

        started = Stopwatch.GetTimestamp();

        await using var stores = backend.CreateStores();
        await stores.StartAsync();
        foreach (var id in _audited.Keys.ToArray())
        {
            var audited = await JournalAudit.AuditAsync(stores, id, _ledger.Of(id));
            if (audited.HighestSequenceNr < _audited[id].HighestSequenceNr)
                throw new CrashCheckException($"The journal of {id} shrank from {_audited[id].HighestSequenceNr} to {audited.HighestSequenceNr} events.");
            _audited[id] = audited;
        }
        _inAudit += Stopwatch.GetElapsedTime(started);
    }

    private void Observe(ProbeLine line)
    {
        switch (line)
        {
            case RecoveredLine recovered:
                var expected = _audited.TryGetValue(recovered.PersistenceId, out var history)
                    ? history.ExpectedRecovery
                    : throw new CrashCheckException($"\"{recovered.Format()}\" names an unknown persistence id.");
                if (recovered != expected)
                    throw new CrashCheckException($"The probe recovered \"{recovered.Format()}\", but the journal and snapshot store hold \"{expected.Format()}\" (fields: id, last sequence nr, count, checksum, snapshot sequence nr).");
                _ledger.Recovered(recovered);
                if (recovered.SnapshotSequenceNr > 0) _recoveriesFromSnapshot++;
                break;
            case AckLine ack:
                _ledger.Acked(ack);
                break;
            case SnapshotSavingLine saving:
                _snapshotsInFlight.Add((saving.PersistenceId, saving.SequenceNr));
                break;
            case SnapshotSavedLine saved:
                _snapshotsInFlight.Remove((saved.PersistenceId, saved.SequenceNr));
                break;
        }
    }
}
