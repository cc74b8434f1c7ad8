namespace ActorTrader.Persistence.CrashProbe;

/// <summary>
/// The probe's only event. <see cref="Value"/> is random, so an event written by one incarnation can never be
/// mistaken for another's; <see cref="IndexInBatch"/> and <see cref="BatchSize"/> let the tests check that a
/// <c>PersistAll</c> batch is in the journal whole or not at all.
/// </summary>
public sealed record ValueAppended(long Value, int IndexInBatch, int BatchSize)
{
    public const string Manifest = "crash-probe.value-appended";
}
