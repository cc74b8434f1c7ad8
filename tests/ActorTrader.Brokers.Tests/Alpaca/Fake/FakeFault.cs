namespace ActorTrader.Brokers.Tests.Alpaca.Fake;

/// <summary>
/// What the fake server does to one request instead of (or after) answering it normally. "After handling" faults
/// let the server act first (an order is created) and then fail to answer: the client cannot tell whether it acted.
/// </summary>
internal abstract record FakeFault
{
    /// <summary>Answers with <paramref name="status"/> and <paramref name="body"/> (and a Retry-After header in seconds).</summary>
    public static FakeFault Status(int status, string body = "", int? retryAfterSeconds = null) => new Answer(status, body, retryAfterSeconds);

    /// <summary>Never answers; the request stays open until the client gives up. With <paramref name="afterHandling"/> the server acts first.</summary>
    public static FakeFault Hang(bool afterHandling = false) => new Delay(afterHandling);

    /// <summary>Resets the connection without a byte of answer. With <paramref name="afterHandling"/> the server acts first.</summary>
    public static FakeFault Drop(bool afterHandling = false) => new Reset(afterHandling);

    internal sealed record Answer(int StatusCode, string Body, int? RetryAfterSeconds) : FakeFault;

    internal sealed record Delay(bool AfterHandling) : FakeFault;

    internal sealed record Reset(bool AfterHandling) : FakeFault;
}
