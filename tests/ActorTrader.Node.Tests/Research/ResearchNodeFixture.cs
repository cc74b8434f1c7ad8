using ActorTrader.TestKit;

namespace ActorTrader.Node.Tests.Research;

/// <summary>A research node process whose run (two generations on the planted market) has completed; stopped with SIGTERM after the tests.</summary>
public sealed class ResearchNodeFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();
    private ResearchNodeRun? _run;

    internal ResearchNodeSetup Setup { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Setup = ResearchNodeSetup.Create(_dir.File("node"), generations: 2);
        _run = ResearchNodeRun.Start(Setup);
        await _run.WaitForCompletionAsync(TestKitBase.Dilated(TimeSpan.FromSeconds(90)));
    }

    public async Task DisposeAsync()
    {
        if (_run is not null)
        {
            await _run.TerminateAsync(TestKitBase.Dilated(TimeSpan.FromSeconds(30)));
            await _run.DisposeAsync();
        }
    }

    public void Dispose() => _dir.Dispose();
}
