namespace ActorTrader.Cluster.NodeTests.Harness;

/// <summary>Polls a condition until it holds (like the TestKit's AwaitAssert), for state another process writes.</summary>
internal static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan within, string what, TimeSpan? every = null)
    {
        using var poll = new PeriodicTimer(every ?? TimeSpan.FromMilliseconds(200));
        var deadline = DateTimeOffset.UtcNow + ActorTrader.TestKit.TestKitBase.Dilated(within);
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException($"{what} did not hold within {within.TotalSeconds:0} s.");
            await poll.WaitForNextTickAsync();
        }
    }
}
