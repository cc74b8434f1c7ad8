namespace ActorTrader.Persistence;

/// <summary>Sent to the recover handlers after the last replayed event; commands are processed from here on.</summary>
public sealed record RecoveryCompleted
{
    private RecoveryCompleted() { }

    public static RecoveryCompleted Instance { get; } = new();
}
