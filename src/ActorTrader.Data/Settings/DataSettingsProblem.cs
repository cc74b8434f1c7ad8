using ActorTrader.Hocon;

namespace ActorTrader.Data.Settings;

/// <summary>One wrong <c>actortrader.data.*</c> value: its key, where it was written, what is wrong and the fix.</summary>
public sealed record DataSettingsProblem(string Key, HoconPosition? Position, string Message, string Fix)
{
    /// <summary><c>file:line:col</c> when known, else the key.</summary>
    public string Location => Position is { } p ? p.ToString() : Key;

    public override string ToString() => $"{Location}: {Message} Fix: {Fix}";
}
