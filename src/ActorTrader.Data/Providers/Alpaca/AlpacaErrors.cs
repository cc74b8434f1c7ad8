namespace ActorTrader.Data.Providers.Alpaca;

/// <summary>
/// Turns failed Alpaca calls into <see cref="MarketDataException"/>s that name what was asked, the route and the
/// fix, and say whether a retry can help. Every text that came from outside (response bodies, exception
/// messages) passes through <see cref="Redact"/> so the key pair never appears in a message.
/// </summary>
internal sealed class AlpacaErrors
{
    private readonly AlpacaDataOptions _options;
    private readonly AlpacaCredentials _credentials;

    public AlpacaErrors(AlpacaDataOptions options)
    {
        _options = options;
        _credentials = options.Credentials;
    }

    public MarketDataException ForStatus(AlpacaHttpResponse response, string what, Uri url, int attempts)
    {
        var status = response.StatusCode;
        var route = Route(url);
        var said = AlpacaErrorText.Quote(response.Body, _credentials);
        var (message, transient) = status switch
        {
            401 or 403 => ($"Alpaca rejected the credentials (HTTP {status}) for {what} at {route}{said}. " +
                           "Fix: set APCA_API_KEY_ID and APCA_API_SECRET_KEY to a valid key pair (paper and live keys differ; " +
                           $"a 403 can also mean the plan does not include feed={_options.Feed}).", false),
            404 => ($"Alpaca has no {what} (HTTP 404) at {route}{said}. " +
                    "Fix: check the symbol is listed at Alpaca and the base URL is right.", false),
            422 => ($"Alpaca refused the request for {what} as invalid (HTTP 422) at {route}{said}. " +
                    "Fix: check the symbol, timeframe and start/end.", false),
            429 => ($"Alpaca kept rate-limiting {what} (HTTP 429) at {route} for all {attempts} attempts{said}. " +
                    "Fix: retry later or lower actortrader.data.alpaca.rate-limit-per-minute.", true),
            >= 500 => ($"Alpaca failed with HTTP {status} for {what} at {route} on all {attempts} attempts{said}. " +
                       "Fix: retry later (the outage is on Alpaca's side).", true),
            _ => ($"Alpaca refused the request for {what} (HTTP {status}) at {route}{said}. " +
                  "Fix: check the request's symbol and parameters.", false),
        };
        return new MarketDataException(message, transient) { StatusCode = status };
    }

    public MarketDataException TimedOut(string what, Uri url, int attempts, Exception cause) =>
        new($"Alpaca did not answer {what} at {Route(url)} within {_options.RequestTimeout.TotalSeconds:0.###} s on any of {attempts} attempts. " +
            "Fix: retry later or raise actortrader.data.alpaca.request-timeout.", isTransient: true, Sanitized(cause));

    public MarketDataException Unreachable(string what, Uri url, int attempts, Exception cause) =>
        new($"Could not reach Alpaca for {what} at {Route(url)} after {attempts} attempts: {Redact(cause.Message)}. " +
            "Fix: check the network and the configured base URL, then retry.", isTransient: true, Sanitized(cause));

    public MarketDataException Unreadable(string what, Uri url, Exception cause) =>
        new($"Alpaca's answer for {what} at {Route(url)} cannot be read: {Redact(cause.Message)}. " +
            "Fix: retry later; if it repeats the API has changed and this client needs updating.", isTransient: false, Sanitized(cause));

    public static MarketDataException RepeatedPageToken(string what, Uri url, int pages) =>
        new($"Alpaca returned a page token it had already returned after {pages} pages of {what} at {Route(url)}; " +
            "stopped to avoid an endless loop. Fix: retry later; report it if it repeats.", isTransient: false);

    /// <summary>Replaces the key id and secret, wherever they occur, with ***.</summary>
    public string Redact(string text) => _credentials.Redact(text);

    /// <summary>Scheme, host, path and query: never the user-info part a base URL could carry.</summary>
    public static string Route(Uri url) => AlpacaErrorText.Route("GET", url);

    // An inner exception's text could quote a response; keep its type and a redacted message only.
    private Exception Sanitized(Exception cause) => _credentials.Sanitize(cause);
}
