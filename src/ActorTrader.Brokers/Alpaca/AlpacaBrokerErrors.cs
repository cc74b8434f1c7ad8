using ActorTrader.Brokers.Abstractions;
using ActorTrader.Data.Providers.Alpaca;

namespace ActorTrader.Brokers.Alpaca;

/// <summary>
/// Turns failed Trading API calls into <see cref="BrokerException"/>s whose message names the call, the route and the
/// fix. Whether an outcome is definite follows the call: a GET that failed did nothing; a submit, replace or close that
/// timed out, dropped or met a 5xx may have acted and becomes <see cref="BrokerTimeoutException"/>. Everything quoted
/// from outside passes through the credentials' redaction.
/// </summary>
internal sealed class AlpacaBrokerErrors(AlpacaBrokerOptions options)
{
    private readonly AlpacaCredentials _credentials = options.Credentials;

    public string Redact(string text) => _credentials.Redact(text);

    /// <summary>A final non-2xx answer (after any retries).</summary>
    public BrokerException ForStatus(AlpacaCall call, Uri url, AlpacaHttpResponse response, int attempts)
    {
        var status = response.StatusCode;
        var route = AlpacaErrorText.Route(call.Method.Method, url);
        var said = AlpacaErrorText.Quote(response.Body, _credentials);
        var alpacaMessage = AlpacaErrorText.MessageOf(response.Body);
        if (status == 422 && call.ClientOrderId is { } clientOrderId && IsDuplicateClientOrderId(alpacaMessage))
        {
            return new BrokerDuplicateClientOrderIdException(clientOrderId,
                $"Alpaca refused {call.What}: client order id {clientOrderId} was used before (HTTP 422) at {route}{said}. " +
                "The first order with that id stands and no second one was created. Fix: look it up with GET /v2/orders:by_client_order_id instead of resubmitting.");
        }
        if (status == 429)
        {
            return new BrokerUnavailableException(
                $"Alpaca rate-limited {call.What} (HTTP 429) at {route} on {Attempts(attempts)}{said}; nothing was done. " +
                "Fix: retry later or lower actortrader.broker.alpaca.requests-per-minute.", 429);
        }
        if (status >= 500)
        {
            return call.Idempotent
                ? new BrokerUnavailableException(
                    $"Alpaca failed with HTTP {status} for {call.What} at {route} on {Attempts(attempts)}{said}. " +
                    "Fix: retry later (the outage is on Alpaca's side).", status)
                : new BrokerTimeoutException(
                    $"Alpaca failed with HTTP {status} for {call.What} at {route}{said}; it may or may not have acted. " +
                    Resolve(call));
        }
        var reason = AlpacaReasonCodes.Classify(status, alpacaMessage, call.Path);
        return new BrokerRejectedException(
            $"Alpaca refused {call.What} (HTTP {status}, {reason}) at {route}{said}; nothing was done. Fix: {FixFor(reason)}",
            status, reason);
    }

    /// <summary>No answer within the request timeout (after any retries).</summary>
    public BrokerException TimedOut(AlpacaCall call, Uri url, int attempts, Exception cause)
    {
        var route = AlpacaErrorText.Route(call.Method.Method, url);
        return call.Idempotent
            ? new BrokerUnavailableException(
                $"Alpaca did not answer {call.What} at {route} within {options.RequestTimeout.TotalSeconds:0.###} s on {Attempts(attempts)}. " +
                "Fix: retry later or raise actortrader.broker.alpaca.request-timeout.", null, _credentials.Sanitize(cause))
            : new BrokerTimeoutException(
                $"Alpaca did not answer {call.What} at {route} within {options.RequestTimeout.TotalSeconds:0.###} s; it may or may not have acted. " +
                Resolve(call), _credentials.Sanitize(cause));
    }

    /// <summary>
    /// The connection failed. When it could not even be opened the request was never sent (definite); when it broke
    /// after sending, a call that changes orders has an unknown outcome.
    /// </summary>
    public BrokerException Unreachable(AlpacaCall call, Uri url, int attempts, Exception cause)
    {
        var route = AlpacaErrorText.Route(call.Method.Method, url);
        var neverSent = cause is HttpRequestException
        {
            HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError,
        };
        return call.Idempotent || neverSent
            ? new BrokerUnavailableException(
                $"Could not reach Alpaca for {call.What} at {route} on {Attempts(attempts)}: {Redact(cause.Message)}. " +
                "Fix: check the network and actortrader.broker.alpaca.base-url, then retry.", null, _credentials.Sanitize(cause))
            : new BrokerTimeoutException(
                $"The connection to Alpaca broke during {call.What} at {route} ({Redact(cause.Message)}); it may or may not have acted. " +
                Resolve(call), _credentials.Sanitize(cause));
    }

    /// <summary>The circuit breaker is open: the call was not made.</summary>
    public BrokerUnavailableException CircuitOpen(AlpacaCall call, Uri url, Exception cause) =>
        new($"Alpaca calls are paused after repeated failures; {call.What} at {AlpacaErrorText.Route(call.Method.Method, url)} was not sent. " +
            $"Fix: wait for Alpaca to recover (a trial call passes after {options.CircuitBreakerBreak.TotalSeconds:0.###} s) and retry.",
            null, cause);

    /// <summary>A 2xx answer that cannot be read. For a call that changes orders, it did act: resolve before anything else.</summary>
    public BrokerException Unreadable(AlpacaCall call, Uri url, int status, Exception cause) =>
        new($"Alpaca's answer to {call.What} at {AlpacaErrorText.Route(call.Method.Method, url)} (HTTP {status}) cannot be read: {Redact(cause.Message)}. " +
            (call.Idempotent
                ? "Fix: retry later; if it repeats the API has changed and this client needs updating."
                : "Alpaca accepted the request. " + Resolve(call)),
            isDefinite: call.Idempotent, status, _credentials.Sanitize(cause));

    private static bool IsDuplicateClientOrderId(string message)
    {
        var text = message.ToLowerInvariant();
        return text.Contains("client_order_id", StringComparison.Ordinal)
               && (text.Contains("unique", StringComparison.Ordinal) || text.Contains("already", StringComparison.Ordinal)
                                                                     || text.Contains("duplicate", StringComparison.Ordinal));
    }

    private static string Resolve(AlpacaCall call) => call.ClientOrderId is { } id
        ? $"Fix: ask GET /v2/orders:by_client_order_id?client_order_id={id} before doing anything else; never resubmit blindly."
        : "Fix: list the orders and positions (GET /v2/orders, GET /v2/positions) to see what happened before retrying.";

    private static string Attempts(int attempts) => attempts == 1 ? "the only attempt" : $"all {attempts} attempts";

    private static string FixFor(string reason) => reason switch
    {
        AlpacaReasonCodes.Unauthorized => "set APCA_API_KEY_ID and APCA_API_SECRET_KEY to a valid key pair (paper and live keys differ).",
        AlpacaReasonCodes.Forbidden => "check the key pair and that the account may do this (paper and live keys differ).",
        AlpacaReasonCodes.InsufficientBuyingPower => "reduce the order or add funds.",
        AlpacaReasonCodes.InsufficientQuantity => "reduce the quantity to what is held and not reserved by open orders.",
        AlpacaReasonCodes.NotShortable => "do not sell more than is held: the account or the asset does not allow shorting.",
        AlpacaReasonCodes.NotTradable => "remove the symbol: Alpaca does not trade it.",
        AlpacaReasonCodes.UnknownSymbol => "check the symbol is listed at Alpaca.",
        AlpacaReasonCodes.MarketClosed => "submit while the market is open, or use a time in force that waits for it.",
        AlpacaReasonCodes.OrderNotFound => "check the order id; the order may belong to another account.",
        AlpacaReasonCodes.OrderNotCancelable => "the order has already finished; wait for its trade update.",
        AlpacaReasonCodes.OrderNotReplaceable => "the order has already finished or is being changed; wait for its trade update.",
        AlpacaReasonCodes.NoPosition => "there is no position in that symbol to close.",
        _ => "check the request against Alpaca's message.",
    };
}
