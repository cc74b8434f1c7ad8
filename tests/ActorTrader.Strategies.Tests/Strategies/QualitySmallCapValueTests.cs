using ActorTrader.Domain.Bars;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.QualitySmallCapValue;
using ActorTrader.Strategies.Tests.Support;
using static ActorTrader.Strategies.Tests.Strategies.StrategyTestKit;

namespace ActorTrader.Strategies.Tests.Strategies;

public sealed class QualitySmallCapValueTests
{
    private const int Bars = 5;
    private static readonly QualitySmallCapValueStrategy Strategy = new();
    private static readonly DateTimeOffset[] Times = MarketTimes.Daily(new DateOnly(2024, 1, 2), Bars);
    private static readonly Dictionary<string, double> TopOne = new() { ["top_n"] = 1 };

    // Six companies; the three smallest pass the default size cut (size_quantile 0.5).
    private static PanelBuilder Companies(FundamentalData? best = null, FundamentalData? bigBest = null)
    {
        var builder = new PanelBuilder(Times, Timeframe.Day1);
        void Company(string symbol, FundamentalData data) => builder.Add(symbol, Series.Constant(Bars, 20)).Fundamentals(symbol, data);
        Company("NYSE:BEST", best ?? new FundamentalData(Times[0], MarketCap: 1e8, BookToPrice: 1.2, EarningsYield: 0.12, ReturnOnEquity: 0.25, DebtToEquity: 0.2));
        Company("NYSE:OKAY", new FundamentalData(Times[0], MarketCap: 2e8, BookToPrice: 0.6, EarningsYield: 0.06, ReturnOnEquity: 0.10, DebtToEquity: 1.0));
        Company("NYSE:MEH", new FundamentalData(Times[0], MarketCap: 3e8, BookToPrice: 0.4, EarningsYield: 0.04, ReturnOnEquity: 0.05, DebtToEquity: 1.5));
        Company("NYSE:BIG1", bigBest ?? new FundamentalData(Times[0], MarketCap: 5e10, BookToPrice: 0.3, EarningsYield: 0.03, ReturnOnEquity: 0.2, DebtToEquity: 0.5));
        Company("NYSE:BIG2", new FundamentalData(Times[0], MarketCap: 6e10, BookToPrice: 0.3, EarningsYield: 0.03, ReturnOnEquity: 0.2, DebtToEquity: 0.5));
        Company("NYSE:BIG3", new FundamentalData(Times[0], MarketCap: 7e10, BookToPrice: 0.3, EarningsYield: 0.03, ReturnOnEquity: 0.2, DebtToEquity: 0.5));
        return builder;
    }

    [Fact]
    public void The_small_cheap_profitable_low_debt_company_is_picked()
    {
        var set = EvaluateLast(Strategy, Companies().Build(), TopOne);

        Assert.Equal(new Dictionary<string, double> { ["NYSE:BEST"] = 1.0 }, Targets(set));
    }

    [Fact]
    public void A_company_with_too_much_debt_is_excluded()
    {
        var indebted = new FundamentalData(Times[0], MarketCap: 1e8, BookToPrice: 1.2, EarningsYield: 0.12, ReturnOnEquity: 0.25, DebtToEquity: 5);

        var set = EvaluateLast(Strategy, Companies(best: indebted).Build(), TopOne);

        Assert.Equal("NYSE:OKAY", Assert.Single(set.Signals).Symbol.ToString());
    }

    [Fact]
    public void A_large_company_is_excluded_however_good_it_looks()
    {
        var bigBest = new FundamentalData(Times[0], MarketCap: 5e10, BookToPrice: 3, EarningsYield: 0.3, ReturnOnEquity: 0.5, DebtToEquity: 0.1);

        var set = EvaluateLast(Strategy, Companies(bigBest: bigBest).Build(), TopOne);

        Assert.Equal("NYSE:BEST", Assert.Single(set.Signals).Symbol.ToString());
    }

    [Fact]
    public void Fundamentals_published_after_the_decision_are_not_used()
    {
        var late = new FundamentalData(Times[^1].AddDays(1), MarketCap: 1e8, BookToPrice: 1.2, EarningsYield: 0.12, ReturnOnEquity: 0.25, DebtToEquity: 0.2);

        var set = EvaluateLast(Strategy, Companies(best: late).Build(), TopOne);

        Assert.DoesNotContain(set.Signals, s => s.Symbol.ToString() == "NYSE:BEST");
    }

    [Fact]
    public void Without_fundamentals_it_stays_flat_and_says_why()
    {
        var panel = new PanelBuilder(Times, Timeframe.Day1).Add("NYSE:AAA", Series.Constant(Bars, 20)).Build();

        var set = EvaluateLast(Strategy, panel);

        Assert.Empty(set.Signals);
        Assert.Contains("no fundamental inputs", Assert.Single(set.Events).Detail, StringComparison.Ordinal);
    }
}
