namespace ActorTrader.Persistence.Tests.Crash;

/// <summary>What a series of kills exercised, so a test can show it tested what it claims (and say so when it fails).</summary>
internal sealed record CrashTrialsSummary(int Seed, int Trials, long Acknowledged, long DurableButUnacknowledged, int KillsDuringSnapshotSave, int RecoveriesFromSnapshot, TimeSpan InProbe, TimeSpan InAudit)
{
    public override string ToString() =>
        $"seed {Seed}: {Trials} kills, {Acknowledged} events acknowledged, {DurableButUnacknowledged} more found durable but unacknowledged, " +
        $"{KillsDuringSnapshotSave} kills with a snapshot save in flight, {RecoveriesFromSnapshot} recoveries from a snapshot; " +
        $"{InProbe.TotalSeconds:0.0} s running and killing the probe, {InAudit.TotalSeconds:0.0} s reading the stores";
}
