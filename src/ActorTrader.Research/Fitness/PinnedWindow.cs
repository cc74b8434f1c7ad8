namespace ActorTrader.Research.Fitness;

/// <summary>
/// The evaluation window of a research run, fixed when the run starts and recorded with every fitness value: the
/// in-sample dates the GA may see, the out-of-sample dates it never sees (promotion validation only), the symbols, and
/// a fingerprint (SHA-256, hex) of the exact price data inside. A fitness computed on another window or other data is
/// not comparable, and the population actor refuses it.
/// </summary>
public sealed record PinnedWindow(
    DateOnly InSampleStart,
    DateOnly InSampleEnd,
    DateOnly OutOfSampleStart,
    DateOnly OutOfSampleEnd,
    IReadOnlyList<string> Symbols,
    string DataFingerprint)
{
    public bool Equals(PinnedWindow? other) =>
        other is not null && InSampleStart == other.InSampleStart && InSampleEnd == other.InSampleEnd &&
        OutOfSampleStart == other.OutOfSampleStart && OutOfSampleEnd == other.OutOfSampleEnd &&
        Symbols.SequenceEqual(other.Symbols) && DataFingerprint == other.DataFingerprint;

    public override int GetHashCode() => HashCode.Combine(InSampleStart, InSampleEnd, OutOfSampleEnd, DataFingerprint);
}
