using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Availability;
using ActorTrader.Strategies.Settings;
using ActorTrader.Trading.Panels;
using ActorTrader.Trading.Sleeves.Definition;

namespace ActorTrader.Trading.Tests.Sleeves;

/// <summary>Sleeve definitions built in code for the pipeline and actor tests (synthetic data by default, fixed window).</summary>
internal static class TestSleeves
{
    public static readonly DateTimeOffset WindowEnd = new(2024, 6, 29, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<Symbol> Symbols(params string[] tickers) => [.. tickers.Select(t => new Symbol("NYSE", t))];

    public static SleeveDefinition Definition(IReadOnlyList<IStrategy> strategies, IReadOnlyList<Symbol>? symbols = null, string name = "test_sleeve",
        AccountKind account = AccountKind.Margin, PanelSourceKind source = PanelSourceKind.Synthetic, int lookback = 300, DateTimeOffset? to = null,
        SelectionSettings? selection = null, SynthesisSettings? synthesis = null, OptimisationSettings? optimisation = null,
        PreOptimisationSettings? preOptimisation = null, bool validation = true) =>
        new(name, "a test sleeve", "test", account,
            new SleeveUniverse(symbols ?? Symbols("AAA", "BBB", "CCC", "DDD"), Timeframe.Day1, source),
            new SleeveWindow(lookback, null, to ?? WindowEnd),
            [.. strategies.Select(s => new SleeveStrategy(s, new StrategySetting(s.Name, true, 1.0, s.Parameters.Defaults())))],
            new HealthSettings(30),
            selection ?? new SelectionSettings(1, [new SelectionLevel(-100, 1, 0, 0)]),
            synthesis ?? new SynthesisSettings(true, true),
            preOptimisation ?? new PreOptimisationSettings(0.99, 10, 1, 1, 1),
            optimisation ?? new OptimisationSettings(["min-vol", "equal"], "min-vol", 1, CovarianceKind.LedoitWolf),
            new ValidationSettings(validation, 5));
}
