using ActorTrader.TestKit;

namespace ActorTrader.Data.Tests.Providers.Alpaca.Fakes;

/// <summary>Turns a wait that would never end (a broken limiter, a lost request) into a failing test instead of a hung run.</summary>
internal static class Guard
{
    public static Task Within(Task task) =>
        task.WaitAsync(TimeSpan.FromSeconds(10 * TestKitSettings.TimeFactor));
}
