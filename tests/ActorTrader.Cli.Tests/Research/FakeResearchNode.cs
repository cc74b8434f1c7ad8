using System.Net;
using System.Net.Http.Json;
using ActorTrader.Hosting.Management;

namespace ActorTrader.Cli.Tests.Research;

/// <summary>
/// Stands in for a running node's management API (as the CLI's HTTP handler): <c>/api/status</c> with the given roles and
/// the research routes answered from what a test sets. Every request is recorded with its body.
/// </summary>
internal sealed class FakeResearchNode : HttpMessageHandler
{
    private readonly string[] _roles;

    public FakeResearchNode(params string[] roles) => _roles = roles;

    /// <summary>The answer to a route (method and path, e.g. "GET /api/research/status"): status and body.</summary>
    public Dictionary<string, (HttpStatusCode Status, object Body)> Answers { get; } = new(StringComparer.Ordinal);

    public List<(string Route, string Body)> Requests { get; } = [];

    /// <summary>The trading core's mode in the node's status (replay, live-clock); null: the node runs none.</summary>
    public string? TradingMode { get; init; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var route = $"{request.Method} {request.RequestUri!.AbsolutePath}";
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests) Requests.Add((route, body));
        if (route == $"GET {ManagementRoutes.Status}")
        {
            var trading = TradingMode is null ? null : new TradingStatusView(TradingMode, "running", "paper", "paper", true, false, "ok", "succeeded", "ACTIVE", null, null, null);
            return Json(HttpStatusCode.OK, new NodeStatus("fake", _roles, "test", DateTimeOffset.UnixEpoch, 1, false, null, null, null, 4242, "node.conf") { Trading = trading });
        }
        return Answers.TryGetValue(route, out var answer)
            ? Json(answer.Status, answer.Body)
            : Json(HttpStatusCode.NotFound, new ApiError($"The fake node has no answer for {route}."));
    }

    private static HttpResponseMessage Json(HttpStatusCode status, object body) =>
        new(status) { Content = JsonContent.Create(body, body.GetType(), options: ManagementJson.Options) };
}
