namespace ActorTrader.Hosting.Management;

/// <summary>Answer to halt, resume and rebalance: whether it was done, what happened, and the halt state after it.</summary>
/// <param name="Accepted">False when the node refused (e.g. rebalance while halted) or a halt is in effect but could not be saved; <paramref name="Message"/> says why.</param>
/// <param name="Message">What happened, in a sentence.</param>
/// <param name="Halted">Whether the node is halted now.</param>
/// <param name="HaltReason">Why, when halted.</param>
/// <param name="HaltedSince">Since when, when halted.</param>
public sealed record ControlResponse(bool Accepted, string Message, bool Halted, string? HaltReason, DateTimeOffset? HaltedSince);
