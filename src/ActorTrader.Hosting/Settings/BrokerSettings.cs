namespace ActorTrader.Hosting.Settings;

/// <summary><c>actortrader.broker</c>: which broker executes orders.</summary>
/// <param name="Kind"><c>paper</c> or <c>alpaca</c>.</param>
/// <param name="Alpaca">Alpaca account settings, used when <paramref name="Kind"/> is <c>alpaca</c>.</param>
public sealed record BrokerSettings(string Kind, AlpacaSettings Alpaca)
{
    public const string Paper = "paper";
    public const string AlpacaKind = "alpaca";

    public static IReadOnlyList<string> KnownKinds { get; } = [Paper, AlpacaKind];
}
