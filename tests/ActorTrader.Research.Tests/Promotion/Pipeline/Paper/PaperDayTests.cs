using ActorTrader.Domain.Calendar;
using ActorTrader.Research.Promotion.Pipeline.Paper;
using ActorTrader.Research.Tests.Actors;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Research.Tests.Promotion.Pipeline.Paper;

/// <summary>One paper day in a paper account, without actors: point in time, fills at the next open, idempotent per date.</summary>
public sealed class PaperDayTests : IDisposable
{
    private static readonly LongBasket Strategy = new();
    private readonly ScratchDirectory _dir = new("paper-day");

    public void Dispose() => _dir.Dispose();

    private static DateOnly Jan(int day) => new(2026, 1, day);

    private async Task<List<PaperDayRecorded>> RunAsync(BarPanel panel, string account, params DateOnly[] dates)
    {
        var days = new List<PaperDayRecorded>();
        foreach (var date in dates)
        {
            var job = new PaperDayJob("c", Strategy, Strategy.Parameters.Defaults(), panel, "the test panel", MarketCalendars.Nyse.SessionOn(date)!,
                days.Count == 0 ? null : days[^1].Nav, _dir.File(account), PaperTrialSettings.Default);
            days.Add(((PaperDayDone)await PaperDay.RunAsync(job, CancellationToken.None)).Record);
        }
        return days;
    }

    [Fact]
    public async Task A_paper_day_is_the_same_whether_or_not_the_data_holds_later_bars()
    {
        var full = await RunAsync(PaperMarket.Panel(), "full.db", Jan(5), Jan(6), Jan(7));
        var upToTheClose = await RunAsync(PaperMarket.Panel(last: Jan(7)), "cut.db", Jan(5), Jan(6), Jan(7));

        Assert.Equal(full.Select(d => (d.Date, d.Nav, d.Return, d.Cash)), upToTheClose.Select(d => (d.Date, d.Nav, d.Return, d.Cash)));
        Assert.Equal(full.SelectMany(d => d.Orders), upToTheClose.SelectMany(d => d.Orders));
        Assert.Equal(full.SelectMany(d => d.Fills), upToTheClose.SelectMany(d => d.Fills));
    }

    [Fact]
    public async Task A_fill_is_the_next_sessions_open_moved_against_the_buyer_by_the_slippage()
    {
        var panel = PaperMarket.Panel();
        var days = await RunAsync(panel, "fills.db", Jan(5), Jan(6));

        var t = PaperDay.IndexOf(panel, Jan(6));
        var fill = days[1].Fills.Single(f => f.Symbol == "NYSE:AAA");
        Assert.Equal("buy", fill.Side);
        Assert.Equal((decimal)panel.AsOf(t).OpenAt(0, t) * (1 + PaperTrialSettings.Default.SlippageBps / 10_000m), fill.Price);
    }

    [Fact]
    public async Task Running_a_day_again_changes_nothing_in_the_account_and_gives_the_same_record()
    {
        var panel = PaperMarket.Panel();
        var days = await RunAsync(panel, "again.db", Jan(5), Jan(6));
        var job = new PaperDayJob("c", Strategy, Strategy.Parameters.Defaults(), panel, "the test panel", MarketCalendars.Nyse.SessionOn(Jan(6))!,
            days[0].Nav, _dir.File("again.db"), PaperTrialSettings.Default);

        var again = ((PaperDayDone)await PaperDay.RunAsync(job, CancellationToken.None)).Record;

        Assert.Equal((days[1].Nav, days[1].Return, days[1].Cash), (again.Nav, again.Return, again.Cash));
        Assert.Equal(days[1].Fills, again.Fills);
        Assert.Equal(days[1].Orders.Select(o => o.ClientOrderId), again.Orders.Select(o => o.ClientOrderId));
    }

    [Fact]
    public async Task A_day_before_the_strategys_warm_up_holds_cash_only()
    {
        var panel = PaperMarket.Panel();
        var first = PaperMarket.First;
        var job = new PaperDayJob("c", Strategy, ParameterSet.Empty.With("exposure", 0.9), panel, "the test panel", MarketCalendars.Nyse.SessionOn(first)!,
            null, _dir.File("warmup.db"), PaperTrialSettings.Default);

        var day = ((PaperDayDone)await PaperDay.RunAsync(job, CancellationToken.None)).Record;

        Assert.Empty(day.Orders);
        Assert.Equal(PaperTrialSettings.Default.InitialCash, day.Nav);
    }
}
