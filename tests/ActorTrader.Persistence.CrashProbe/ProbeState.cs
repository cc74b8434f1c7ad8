namespace ActorTrader.Persistence.CrashProbe;

/// <summary>
/// A probe actor's state: how many events it applied and an order-sensitive checksum of their values, so a
/// missing, duplicated or reordered event (or a snapshot taken at the wrong point) changes it.
/// </summary>
public sealed record ProbeState(long Count, long Checksum)
{
    public const string Manifest = "crash-probe.state";

    public static ProbeState Empty { get; } = new(0, 0);

    public ProbeState Apply(ValueAppended appended)
    {
        ArgumentNullException.ThrowIfNull(appended);
        return new ProbeState(Count + 1, unchecked((Checksum * 1_000_003) + appended.Value));
    }
}
