namespace ActorTrader.Data.Providers.Alpaca;

/// <summary>One finished HTTP attempt: status, the whole body, and the server's Retry-After if it sent one.</summary>
public sealed record AlpacaHttpResponse(int StatusCode, byte[] Body, TimeSpan? RetryAfter)
{
    public bool IsSuccess => StatusCode is >= 200 and <= 299;

    /// <summary>429 and 5xx: the server may answer differently if asked again later.</summary>
    public bool IsTransientFailure => StatusCode == 429 || StatusCode >= 500;

    /// <summary>The server's Retry-After, honoured but never beyond <paramref name="max"/> (a server asking for an hour gets its error sooner).</summary>
    public TimeSpan? RetryAfterCappedAt(TimeSpan max) =>
        RetryAfter is not { } wait ? null : wait < TimeSpan.Zero ? TimeSpan.Zero : wait > max ? max : wait;
}
