namespace ActorTrader.Trading.Tests.Fakes;

/// <summary>What one scripted broker call does.</summary>
public enum ScriptedBrokerOutcomeKind
{
    /// <summary>Does what a real broker would (a submit with a used client order id is still a 422 duplicate).</summary>
    Ok,

    /// <summary>Throws BrokerTimeoutException without acting (the order is not placed).</summary>
    Timeout,

    /// <summary>Acts (a submit places the order) and then throws BrokerTimeoutException: the ambiguous case.</summary>
    TimeoutAfterActing,

    /// <summary>Throws BrokerUnavailableException with HTTP 500.</summary>
    ServerError,

    /// <summary>Throws BrokerDuplicateClientOrderIdException (422) without acting.</summary>
    Duplicate,

    /// <summary>Throws BrokerRejectedException (403) without acting.</summary>
    Reject,

    /// <summary>Waits until <see cref="ScriptedBrokerOutcome.Gate"/> is released (or the call is cancelled), then acts as Ok.</summary>
    Hang,
}

/// <summary>One scripted outcome; queue them per method with <see cref="ScriptedBrokerAccount.Script"/>.</summary>
public sealed record ScriptedBrokerOutcome(ScriptedBrokerOutcomeKind Kind, string? Reason = null, string? ReasonCode = null)
{
    /// <summary>Released by the test to let a <see cref="ScriptedBrokerOutcomeKind.Hang"/> call go on.</summary>
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static ScriptedBrokerOutcome Ok => new(ScriptedBrokerOutcomeKind.Ok);

    public static ScriptedBrokerOutcome Timeout => new(ScriptedBrokerOutcomeKind.Timeout);

    public static ScriptedBrokerOutcome TimeoutAfterActing => new(ScriptedBrokerOutcomeKind.TimeoutAfterActing);

    public static ScriptedBrokerOutcome ServerError => new(ScriptedBrokerOutcomeKind.ServerError);

    public static ScriptedBrokerOutcome Duplicate => new(ScriptedBrokerOutcomeKind.Duplicate);

    public static ScriptedBrokerOutcome Hang() => new(ScriptedBrokerOutcomeKind.Hang);

    public static ScriptedBrokerOutcome Reject(string reason = "insufficient buying power", string reasonCode = "insufficient_buying_power") =>
        new(ScriptedBrokerOutcomeKind.Reject, reason, reasonCode);
}

/// <summary>One call the fake broker received: the method, its main argument (client order id, broker order id, ...) and the connection it came on.</summary>
public sealed record ScriptedBrokerCall(string Method, string? Argument, int Connection);
