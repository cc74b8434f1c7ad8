namespace ActorTrader.Brokers.Alpaca;

/// <summary>
/// One Trading API call as the transport needs it: method, route, query and body; <see cref="What"/> names it in
/// errors ("order c-42 (buy 10 NASDAQ:AAPL)"). <see cref="Idempotent"/> calls (GETs, cancels) may be retried;
/// the others create or change orders, so a failure after sending is ambiguous and is never retried.
/// </summary>
internal sealed record AlpacaCall(HttpMethod Method, string Path, string What, bool Idempotent)
{
    public string? Query { get; init; }

    public byte[]? Body { get; init; }

    /// <summary>The client order id a submit or replace carries: a 422 naming it in use becomes a duplicate error.</summary>
    public string? ClientOrderId { get; init; }

    public static AlpacaCall Get(string path, string what, string? query = null) =>
        new(HttpMethod.Get, path, what, Idempotent: true) { Query = query };

    /// <summary>The URL under <paramref name="baseUrl"/>, keeping any path prefix it has (a proxy).</summary>
    public Uri UrlUnder(Uri baseUrl)
    {
        var builder = new UriBuilder(baseUrl);
        builder.Path = builder.Path.TrimEnd('/') + Path;
        builder.Query = Query ?? "";
        return builder.Uri;
    }
}
