namespace ActorTrader.Brokers.Tests.Alpaca.Fake;

/// <summary>Turns a wait that would never end (a lost update, a broken reconnect) into a failing test instead of a hung run.</summary>
internal static class Guard
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public static Task Within(Task task) => task.WaitAsync(Limit);

    public static Task<T> Within<T>(Task<T> task) => task.WaitAsync(Limit);
}
