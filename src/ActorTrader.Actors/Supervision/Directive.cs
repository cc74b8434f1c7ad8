namespace ActorTrader.Actors;

/// <summary>What a supervisor does with a failed child.</summary>
public enum Directive
{
    /// <summary>Keep the child's state and let it take its next message (the failing one is dropped).</summary>
    Resume,

    /// <summary>Replace the child's instance with a fresh one; the mailbox is kept, the failing message dropped.</summary>
    Restart,

    /// <summary>Stop the child for good.</summary>
    Stop,

    /// <summary>Fail the supervisor itself with the same exception, handing the decision upwards.</summary>
    Escalate,
}
