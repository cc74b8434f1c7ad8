namespace ActorTrader.Hosting.Control;

/// <summary>What reading the halt-state file gave: the state to apply, and the error if the file was unreadable.</summary>
/// <param name="State">The state to run with; halted whenever the file could not be trusted.</param>
/// <param name="Error">Why the file could not be trusted, naming it; null when it was read (or absent).</param>
public sealed record HaltStateLoad(HaltState State, string? Error);
