namespace ActorTrader.Brokers.Tests.Alpaca.Fake;

/// <summary>A request as the fake server received it: method, path, decoded query, headers and body.</summary>
internal sealed record FakeRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    public string? QueryValue(string name) => Query.TryGetValue(name, out var value) ? value : null;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public bool Is(string method, string path) => Method == method && Path == path;
}
