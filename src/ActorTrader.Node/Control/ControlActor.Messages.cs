using ActorTrader.Hosting.Control;

namespace ActorTrader.Node.Control;

/// <summary>Asks the control actor for its <see cref="HaltState"/>.</summary>
public sealed record GetHaltState
{
    public static GetHaltState Instance { get; } = new();
}

/// <summary>
/// Halt trading; replies <see cref="ControlResult"/>. Halting an already halted node keeps the first reason. With
/// <paramref name="Flatten"/> every position is closed too (also when the node was already halted).
/// </summary>
public sealed record Halt(string Reason, string HaltedBy, string? CorrelationId = null, bool Flatten = false);

/// <summary>Resume trading; refused while the HALT file exists. Replies <see cref="ControlResult"/>.</summary>
public sealed record Resume(string? CorrelationId = null);

/// <summary>Rebalance one sleeve, or all when <paramref name="Sleeve"/> is null; refused while halted. Replies <see cref="ControlResult"/>.</summary>
public sealed record Rebalance(string? Sleeve, string? CorrelationId = null);

/// <summary>Timer tick: look for the HALT file.</summary>
public sealed record CheckKillSwitch
{
    public static CheckKillSwitch Instance { get; } = new();
}

/// <summary>
/// The outcome of a halt, resume or rebalance: whether it was done, what happened, and the state after it. A halt
/// that could not be written to the halt file is in effect but not accepted, since it would not survive a restart.
/// </summary>
public sealed record ControlResult(bool Accepted, string Message, HaltState State);
