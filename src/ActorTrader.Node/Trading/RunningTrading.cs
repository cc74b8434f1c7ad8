using ActorTrader.Trading.Host.Replay;

namespace ActorTrader.Node.Trading;

/// <summary>The started trading core: its handle for the API, a replay's task (null in live-clock mode) and what to dispose after the actor system stopped.</summary>
internal sealed class RunningTrading(NodeTrading handle, Task<ReplayResult>? replay, IReadOnlyList<IAsyncDisposable> resources, IReadOnlyList<IDisposable> disposables) : IAsyncDisposable
{
    public NodeTrading Handle { get; } = handle;

    public Task<ReplayResult>? Replay { get; } = replay;

    public async ValueTask DisposeAsync()
    {
        foreach (var resource in resources) await resource.DisposeAsync().ConfigureAwait(false);
        foreach (var disposable in disposables) disposable.Dispose();
    }
}
