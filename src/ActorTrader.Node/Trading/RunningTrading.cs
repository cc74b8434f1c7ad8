using ActorTrader.Actors;
using ActorTrader.Trading.Host.Replay;

namespace ActorTrader.Node.Trading;

/// <summary>The started trading core: its handle for the API, a replay's task (null in live-clock mode) and what to dispose after the actor system stopped.</summary>
internal sealed class RunningTrading(NodeTrading handle, Task<ReplayResult>? replay, IReadOnlyList<IAsyncDisposable> resources, IReadOnlyList<IDisposable> disposables) : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private int _disposed;

    public NodeTrading Handle { get; } = handle;

    public Task<ReplayResult>? Replay { get; } = replay;

    /// <summary>
    /// Stops <c>/user/trading</c> while the node keeps running (the cluster moved the account to another node), then
    /// closes the broker and the rest.
    /// </summary>
    public async Task StopAsync()
    {
        await Handle.Root.GracefulStop(StopTimeout).ConfigureAwait(false);
        await DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        foreach (var resource in resources) await resource.DisposeAsync().ConfigureAwait(false);
        foreach (var disposable in disposables) disposable.Dispose();
    }
}
