namespace ActorTrader.Streams.Supervision;

/// <summary>What a stage does when its user function throws for an element (Akka.Streams' <c>Supervision.Directive</c>).</summary>
public enum Directive
{
    /// <summary>Fail the stream with the element that caused the error.</summary>
    Stop,

    /// <summary>Drop the element and go on with the stage's state as it was.</summary>
    Resume,

    /// <summary>Drop the element and go on with the stage's state reset to its initial value (for example a fold's seed).</summary>
    Restart,
}
