using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Tests.Support;

namespace ActorTrader.Strategies.Tests.Panel;

public sealed class PointInTimePanelTests
{
    private static readonly DateTimeOffset[] Times = MarketTimes.Daily(new DateOnly(2024, 1, 2), 10);

    private static BarPanel TenBars() => new PanelBuilder(Times, Timeframe.Day1)
        .Add("NYSE:AAA", [.. Enumerable.Range(0, 10).Select(i => 100.0 + i)])
        .Add("NYSE:BBB", [.. Enumerable.Range(0, 10).Select(i => 50.0 + i)])
        .Build();

    public static TheoryData<string> Accessors() => new(["TimeAt", "OpenAt", "HighAt", "LowAt", "CloseAt", "VolumeAt"]);

    [Theory]
    [MemberData(nameof(Accessors))]
    public void A_single_bar_accessor_refuses_the_bar_after_the_decision_bar(string accessor)
    {
        var view = TenBars().AsOf(4);
        Action read = accessor switch
        {
            "TimeAt" => () => view.TimeAt(5),
            "OpenAt" => () => view.OpenAt(0, 5),
            "HighAt" => () => view.HighAt(0, 5),
            "LowAt" => () => view.LowAt(0, 5),
            "CloseAt" => () => view.CloseAt(0, 5),
            _ => () => view.VolumeAt(0, 5),
        };

        var error = Assert.Throws<LookAheadException>(read);

        Assert.Equal((4, 5, Times[4]), (error.Now, error.Requested, error.DecisionTime));
    }

    [Fact]
    public void A_single_bar_accessor_reads_the_decision_bar_itself()
    {
        var view = TenBars().AsOf(4);

        Assert.Equal(104.0, view.CloseAt(0, 4));
    }

    [Fact]
    public void Series_end_at_the_decision_bar()
    {
        var view = TenBars().AsOf(6);

        Assert.Equal(7, view.Close(0).Length);
        Assert.Equal(106.0, view.Close(0)[^1]);
        Assert.Equal(Times[6], view.Times[^1]);
        Assert.Equal(7, view.Volume(1).Length);
    }

    [Fact]
    public void FromBars_aligns_symbols_on_the_union_of_their_times_with_NaN_where_a_bar_is_missing()
    {
        var a = Symbol.Parse("NYSE:AAA");
        var b = Symbol.Parse("NYSE:BBB");
        var bars = new Dictionary<Symbol, IReadOnlyList<Bar>>
        {
            [b] = [new Bar(Times[1], 1, 1, 1, 11, 5)],
            [a] = [new Bar(Times[0], 1, 1, 1, 10, 5), new Bar(Times[2], 1, 1, 1, 12, 5)],
        };

        var panel = BarPanel.FromBars(Timeframe.Day1, bars);
        var view = panel.AsOf(2);

        Assert.Equal([a, b], panel.Symbols);
        Assert.Equal(Times[..3], panel.Times);
        Assert.Equal([10.0, double.NaN, 12.0], view.Close(0).ToArray());
        Assert.Equal([double.NaN, 11.0, double.NaN], view.Close(1).ToArray());
    }

    [Fact]
    public void AsOf_a_time_is_the_view_at_the_last_bar_started_by_then()
    {
        var panel = TenBars();

        var view = panel.AsOf(Times[3].AddHours(5));

        Assert.Equal(3, view!.Now);
    }

    [Fact]
    public void AsOf_a_time_before_the_first_bar_is_null()
    {
        Assert.Null(TenBars().AsOf(Times[0].AddSeconds(-1)));
    }

    [Fact]
    public void A_panel_keeps_its_fundamentals_when_the_callers_dictionary_changes_later()
    {
        var symbol = Symbol.Parse("NYSE:AAA");
        var bars = new Dictionary<Symbol, IReadOnlyList<Bar>> { [symbol] = [new Bar(Times[0], 1, 1, 1, 10, 5)] };
        var fundamentals = new Dictionary<Symbol, FundamentalData> { [symbol] = new(Times[0], MarketCap: 1e9) };
        var panel = BarPanel.FromBars(Timeframe.Day1, bars, fundamentals);

        fundamentals[symbol] = new FundamentalData(Times[0], MarketCap: 5);

        Assert.Equal(1e9, panel.AsOf(0).FundamentalsOf(symbol)!.MarketCap);
    }

    [Fact]
    public void HasFundamentals_ignores_fundamentals_published_after_the_decision_time()
    {
        var panel = new PanelBuilder(Times, Timeframe.Day1)
            .Add("NYSE:AAA", Series.Constant(10, 100))
            .Fundamentals("NYSE:AAA", new FundamentalData(Times[5], MarketCap: 1e9))
            .Build();

        Assert.Equal((false, true), (panel.AsOf(4).HasFundamentals, panel.AsOf(5).HasFundamentals));
    }

    [Fact]
    public void Fundamentals_published_after_the_decision_time_are_hidden()
    {
        var panel = new PanelBuilder(Times, Timeframe.Day1)
            .Add("NYSE:AAA", Series.Constant(10, 100))
            .Fundamentals("NYSE:AAA", new FundamentalData(Times[5], MarketCap: 1e9))
            .Build();
        var symbol = Symbol.Parse("NYSE:AAA");

        Assert.Null(panel.AsOf(4).FundamentalsOf(symbol));
        Assert.Equal(1e9, panel.AsOf(5).FundamentalsOf(symbol)!.MarketCap);
    }
}
