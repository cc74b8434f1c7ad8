using ActorTrader.Brokers.Abstractions;

namespace ActorTrader.Trading.Broker;

/// <summary>How a broker call failed, as far as the caller must act on it.</summary>
public enum BrokerFailureKind
{
    /// <summary>The broker refused the request (403, 422, unknown symbol, market closed): nothing happened.</summary>
    Rejected,

    /// <summary>The client order id was used before (422): an order with that id exists; ask for it by client order id.</summary>
    DuplicateClientOrderId,

    /// <summary>No answer in time, or the connection broke mid-call: the broker may or may not have acted. Resolve by a query; never resend blindly.</summary>
    Ambiguous,

    /// <summary>The broker is unreachable or failing (5xx, 429 after retries, circuit open): the call certainly did not take effect.</summary>
    Unavailable,

    /// <summary>The call never left this process: the connection stayed down past the buffer timeout, or the buffer was full.</summary>
    NotSent,
}

/// <summary>A failed broker call: its kind (definite or ambiguous), the message (naming the call and the fix) and, for REST brokers, the HTTP status.</summary>
public sealed record BrokerFailure(BrokerFailureKind Kind, string Message, int? StatusCode = null, string? ReasonCode = null)
{
    /// <summary>True when the broker certainly did not act; false when the outcome is unknown.</summary>
    public bool IsDefinite => Kind != BrokerFailureKind.Ambiguous;

    /// <summary>Classifies an exception of an <see cref="IBroker"/> call; anything that is not a <see cref="BrokerException"/> counts as ambiguous.</summary>
    public static BrokerFailure From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            BrokerDuplicateClientOrderIdException e => new BrokerFailure(BrokerFailureKind.DuplicateClientOrderId, e.Message, e.StatusCode),
            BrokerRejectedException e => new BrokerFailure(BrokerFailureKind.Rejected, e.Message, e.StatusCode, e.ReasonCode),
            BrokerTimeoutException e => new BrokerFailure(BrokerFailureKind.Ambiguous, e.Message, e.StatusCode),
            BrokerUnavailableException e => new BrokerFailure(BrokerFailureKind.Unavailable, e.Message, e.StatusCode),
            BrokerException { IsDefinite: true } e => new BrokerFailure(BrokerFailureKind.Unavailable, e.Message, e.StatusCode),
            BrokerException e => new BrokerFailure(BrokerFailureKind.Ambiguous, e.Message, e.StatusCode),
            _ => new BrokerFailure(BrokerFailureKind.Ambiguous,
                $"The broker call failed with {exception.GetType().Name}: {exception.Message} The outcome is unknown. Fix: check the broker adapter; the order manager resolves orders by client order id."),
        };
    }
}
