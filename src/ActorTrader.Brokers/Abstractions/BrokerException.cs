namespace ActorTrader.Brokers.Abstractions;

/// <summary>
/// A broker call failed. The message names the call, the order or symbol, and the fix; it never contains credentials.
/// <see cref="IsDefinite"/> tells whether the broker certainly did not act (a refusal) — when false the outcome is
/// unknown and must be resolved by a query before retrying.
/// </summary>
public class BrokerException : Exception
{
    public BrokerException(string message, bool isDefinite, int? statusCode = null, Exception? inner = null)
        : base(message, inner)
    {
        IsDefinite = isDefinite;
        StatusCode = statusCode;
    }

    public bool IsDefinite { get; }

    /// <summary>The HTTP status for REST brokers, else null.</summary>
    public int? StatusCode { get; }
}

/// <summary>The broker refused the request (403 buying power, 422 invalid, unknown symbol, market closed, …): nothing happened.</summary>
public sealed class BrokerRejectedException(string message, int? statusCode = null, string? reasonCode = null, Exception? inner = null)
    : BrokerException(message, isDefinite: true, statusCode, inner)
{
    /// <summary>A stable, machine-readable reason: <c>insufficient_buying_power</c>, <c>unknown_symbol</c>, <c>not_shortable</c>, <c>market_closed</c>, …</summary>
    public string? ReasonCode { get; } = reasonCode;
}

/// <summary>The client order id was used before (Alpaca 422): the first order stands, no second one exists.</summary>
public sealed class BrokerDuplicateClientOrderIdException(string clientOrderId, string message, Exception? inner = null)
    : BrokerException(message, isDefinite: true, 422, inner)
{
    public string ClientOrderId { get; } = clientOrderId;
}

/// <summary>
/// No answer in time, or the connection broke mid-request: the broker may or may not have acted. Resolve by asking for
/// the order by client id; never resubmit blindly.
/// </summary>
public sealed class BrokerTimeoutException(string message, Exception? inner = null)
    : BrokerException(message, isDefinite: false, null, inner);

/// <summary>The broker is unreachable or failing (5xx, 429 after retries, circuit open) and the call was not made or certainly failed.</summary>
public sealed class BrokerUnavailableException(string message, int? statusCode = null, Exception? inner = null)
    : BrokerException(message, isDefinite: true, statusCode, inner);
