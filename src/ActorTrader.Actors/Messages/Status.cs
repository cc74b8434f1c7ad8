namespace ActorTrader.Actors;

/// <summary>Replies that report the outcome of an operation, as Akka's <c>Status</c>.</summary>
public static class Status
{
    /// <summary>The operation succeeded; <see cref="State"/> carries an optional result.</summary>
    public sealed record Success(object? State);

    /// <summary>The operation failed. An <c>Ask</c> that receives it throws <see cref="Cause"/>.</summary>
    public sealed record Failure(Exception Cause, object? State = null);
}
