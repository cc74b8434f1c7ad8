namespace ActorTrader.Cluster.Control;

/// <summary>
/// Sent by the <see cref="ControlBusListener"/> to its applier: apply <paramref name="Command"/> and answer
/// <see cref="ControlCommandApplied"/> (or <see cref="ControlCommandFailed"/>) to the sender.
/// </summary>
/// <remarks>
/// Contract: delivery is at-least-once. The same command comes again after a crash between applying it and the cursor
/// write, after an answer that came later than the apply timeout, or after a failed cursor write. The applier therefore
/// deduplicates by <see cref="ControlCommand.Id"/>: it records the last id it applied durably, and for an id at or below
/// it answers <see cref="ControlCommandApplied"/> again without applying twice. Commands arrive one at a time in id order;
/// the next is not sent before this one is acknowledged.
/// </remarks>
public sealed record ApplyControlCommand(ControlCommand Command);

/// <summary>The applier's answer: command <paramref name="Id"/> has taken effect (or had already); the cursor may move past it.</summary>
public sealed record ControlCommandApplied(long Id);

/// <summary>The applier's answer: command <paramref name="Id"/> could not be applied now; it is delivered again later, and nothing after it before.</summary>
public sealed record ControlCommandFailed(long Id, string Reason);

/// <summary>Asks the listener for its <see cref="ControlBusState"/>.</summary>
public sealed record GetControlBusState
{
    public static GetControlBusState Instance { get; } = new();
}

/// <summary>The id of the last command this node applied (0 before its cursor is read) and whether its LISTEN connection is up.</summary>
public sealed record ControlBusState(long LastApplied, bool Listening);

/// <summary>A NOTIFY arrived (or the LISTEN connection came up): read the log now.</summary>
internal sealed record Poke
{
    public static Poke Instance { get; } = new();
}

internal sealed record PollTick
{
    public static PollTick Instance { get; } = new();
}

internal sealed record Reconnect
{
    public static Reconnect Instance { get; } = new();
}

internal sealed record CursorLoaded(long LastApplied, Exception? Error);

internal sealed record CommandsRead(IReadOnlyList<ControlCommand> Commands, Exception? Error);

/// <summary>The applier's reply to <paramref name="Command"/>, or the Ask's failure (a timeout).</summary>
internal sealed record ApplyAnswered(ControlCommand Command, object? Reply, Exception? Error);

internal sealed record CursorAdvanced(long Id, Exception? Error);

/// <summary>The LISTEN connection of <paramref name="Generation"/> is up.</summary>
internal sealed record ListenStarted(int Generation);

/// <summary>The LISTEN connection of <paramref name="Generation"/> failed or could not be opened.</summary>
internal sealed record ListenLost(int Generation, Exception Error);
