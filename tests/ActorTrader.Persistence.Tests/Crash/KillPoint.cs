using ActorTrader.Persistence.CrashProbe;

namespace ActorTrader.Persistence.Tests.Crash;

/// <summary>
/// When a trial kills the probe, counted in lines the test has read (the probe is always a little ahead, which is
/// part of the randomness): after its first line (other actors may still be recovering), after a number of
/// acknowledgements, or a few lines after it started a snapshot save.
/// </summary>
internal sealed record KillPoint(string Description, Func<ProbeLine, bool> Counts, int Lines)
{
    /// <summary>The last run of a test: it only has to report every actor's recovery.</summary>
    public static KillPoint AfterRecoveryOf(int actors) => new($"after all {actors} recoveries", l => l is RecoveredLine, actors);

    public static KillPoint Choose(Random random, ProbeMode mode)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (random.Next(10) == 0) return new KillPoint("after the first line", _ => true, 1);
        if (mode == ProbeMode.Snapshots && random.Next(4) != 0)
        {
            var saves = random.Next(1, 5);
            return new KillPoint($"at snapshot save {saves}", l => l is SnapshotSavingLine, saves);
        }
        var acks = random.Next(1, 300);
        return new KillPoint($"after {acks} acknowledgements", l => l is AckLine, acks);
    }
}
