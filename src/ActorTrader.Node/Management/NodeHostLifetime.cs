using Microsoft.Extensions.Hosting;

namespace ActorTrader.Node.Management;

/// <summary>
/// Replaces ASP.NET Core's console lifetime, which would stop the web host on SIGTERM by itself: here the
/// web host is stopped by coordinated shutdown, in its before-service-unbind phase.
/// </summary>
internal sealed class NodeHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
