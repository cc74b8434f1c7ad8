namespace ActorTrader.Streams.Supervision;

/// <summary>Chooses a <see cref="Directive"/> for an exception thrown by a stage's user function.</summary>
public delegate Directive Decider(Exception cause);
