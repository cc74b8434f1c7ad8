using ActorTrader.Domain.Bars;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Signals;
using ActorTrader.Strategies.Tests.Support;
using ActorTrader.Strategies.VixRegimeRotation;
using static ActorTrader.Strategies.Tests.Strategies.StrategyTestKit;

namespace ActorTrader.Strategies.Tests.Strategies;

/// <summary>
/// Three stocks: LEAD rises fastest (the momentum pick), CALM barely moves (the lowest volatility), MID in between;
/// top_n = 1 so each side holds exactly one of them.
/// </summary>
public sealed class VixRegimeRotationTests
{
    private const int Bars = 300;
    private static readonly VixRegimeRotationStrategy Strategy = new();
    private static readonly Dictionary<string, double> OnePerSide = new() { ["top_n"] = 1 };

    private static PanelBuilder Stocks(Func<int, double>? leadWiggle = null)
    {
        var lead = Enumerable.Range(0, Bars).Select(i => 100 * Math.Exp(0.003 * i) * (1 + (i % 2 == 0 ? 1 : -1) * (leadWiggle?.Invoke(i) ?? 0.01))).ToArray();
        return new PanelBuilder(MarketTimes.Daily(new DateOnly(2023, 1, 3), Bars), Timeframe.Day1)
            .Add("NYSE:LEAD", lead)
            .Add("NYSE:MID", Trend(Bars, 100, 0.001, 0.005))
            .Add("NYSE:CALM", Trend(Bars, 100, 0.0002, 0.001));
    }

    private static SignalSet WithVix(double level, Dictionary<string, double>? overrides = null) =>
        EvaluateLast(Strategy, Stocks().Add("CBOE:VIX", Series.Constant(Bars, level)).Build(), overrides ?? OnePerSide);

    [Fact]
    public void A_calm_volatility_index_holds_the_momentum_leader()
    {
        Assert.Equal(new Dictionary<string, double> { ["NYSE:LEAD"] = 1.0 }, Targets(WithVix(12)));
    }

    [Fact]
    public void A_stressed_volatility_index_holds_the_calmest_stock()
    {
        Assert.Equal(new Dictionary<string, double> { ["NYSE:CALM"] = 1.0 }, Targets(WithVix(35)));
    }

    [Fact]
    public void A_volatility_index_between_the_thresholds_holds_half_of_each()
    {
        Assert.Equal(new Dictionary<string, double> { ["NYSE:CALM"] = 0.5, ["NYSE:LEAD"] = 0.5 }, Targets(WithVix(20)));
    }

    [Fact]
    public void A_stressed_regime_goes_to_cash_when_defensive_is_cash()
    {
        Assert.Empty(WithVix(35, new() { ["top_n"] = 1, ["defensive"] = 1 }).Signals);
    }

    [Fact]
    public void The_event_names_the_volatility_index_when_one_is_used()
    {
        var regime = Assert.Single(WithVix(35).Events);

        Assert.Equal(("regime", "CBOE:VIX"), (regime.Kind, regime.Symbol.ToString()));
        Assert.StartsWith("input: volatility index CBOE:VIX at 35.00", regime.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_volatility_index_the_event_names_the_equal_weight_proxy()
    {
        var regime = Assert.Single(EvaluateLast(Strategy, Stocks().Build(), OnePerSide).Events);

        Assert.Contains("proxy (no volatility index quoted in the last 5 bars): realised volatility of an equal-weight index of the 3 symbols", regime.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_volatility_index_the_market_symbol_is_the_proxy_when_present()
    {
        var panel = Stocks().Add("ARCA:SPY", Trend(Bars, 400, 0.0005, 0.004)).Build();

        var regime = Assert.Single(EvaluateLast(Strategy, panel, OnePerSide).Events);

        Assert.Contains("realised volatility of the market symbol ARCA:SPY", regime.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_volatility_spike_in_the_proxy_turns_the_book_defensive()
    {
        // LEAD swings ±6% over the last month after a year of ±1%: the equal-weight index's volatility is at a record high.
        var set = EvaluateLast(Strategy, Stocks(i => i >= Bars - 21 ? 0.06 : 0.01).Build(), OnePerSide);

        Assert.Equal(new Dictionary<string, double> { ["NYSE:CALM"] = 1.0 }, Targets(set));
    }

    [Fact]
    public void A_caret_ticker_in_the_settings_still_recognises_the_index()
    {
        var strategy = new VixRegimeRotationStrategy(["^VXN"]);
        var panel = Stocks().Add("CBOE:VXN", Series.Constant(Bars, 35)).Build();

        var set = EvaluateLast(strategy, panel, OnePerSide);

        Assert.Equal("CBOE:VXN", Assert.Single(set.Events).Symbol.ToString());
    }
}
