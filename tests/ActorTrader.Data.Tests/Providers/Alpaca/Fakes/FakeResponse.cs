namespace ActorTrader.Data.Tests.Providers.Alpaca.Fakes;

/// <summary>What the fake server does with one request: answer, hang until the client gives up, or drop the connection.</summary>
internal abstract record FakeResponse
{
    public static FakeResponse Json(string body, int status = 200) => new Answer(status, body, null);

    public static FakeResponse Status(int status, string body = "", int? retryAfterSeconds = null) => new Answer(status, body, retryAfterSeconds);

    /// <summary>Reads the request, then never answers; the connection stays open until the client closes it.</summary>
    public static FakeResponse Hang { get; } = new HangUp();

    /// <summary>
    /// Reads the request, then resets the connection without a byte of response. HttpClient itself retries
    /// such a request on a fresh connection a few times before failing, so one client attempt can be several
    /// requests here.
    /// </summary>
    public static FakeResponse Drop { get; } = new DropConnection();

    /// <summary>Sends the headers and half of <paramref name="body"/>, then resets the connection.</summary>
    public static FakeResponse CutOff(string body) => new CutOffBody(body);

    internal sealed record Answer(int StatusCode, string Body, int? RetryAfterSeconds) : FakeResponse;

    internal sealed record HangUp : FakeResponse;

    internal sealed record DropConnection : FakeResponse;

    internal sealed record CutOffBody(string Body) : FakeResponse;
}
