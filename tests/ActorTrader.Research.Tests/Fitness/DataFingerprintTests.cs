using ActorTrader.Research.Fitness;

namespace ActorTrader.Research.Tests.Fitness;

public sealed class DataFingerprintTests
{
    private static readonly ActorTrader.Strategies.Panel.BarPanel Panel = TestPanels.RandomWalk(3, 60, seed: 5);

    // In-sample: the first 30 bars; bars 30..34 lie between the ranges; out-of-sample: bars 35..59.
    private static PinnedWindow Window(ActorTrader.Strategies.Panel.BarPanel panel, IReadOnlyList<string>? symbols = null) =>
        PinnedWindowFactory.Create(panel, Date(panel, 0), Date(panel, 29), Date(panel, 35), Date(panel, 59), symbols);

    private static DateOnly Date(ActorTrader.Strategies.Panel.BarPanel panel, int t) => DateOnly.FromDateTime(panel.Times[t].UtcDateTime);

    private static ActorTrader.Strategies.Panel.BarPanel Changed(Action<(double[][] Open, double[][] High, double[][] Low, double[][] Close, double[][] Volume)> change)
    {
        var columns = TestPanels.Columns(Panel);
        change(columns);
        return TestPanels.Rebuild(Panel, columns.Open, columns.High, columns.Low, columns.Close, columns.Volume);
    }

    [Fact]
    public void The_fingerprint_is_a_lower_case_sha256_hex_string()
    {
        Assert.Matches("^[0-9a-f]{64}$", Window(Panel).DataFingerprint);
    }

    [Fact]
    public void The_same_bars_give_the_same_fingerprint_in_a_rebuilt_panel()
    {
        var rebuilt = Changed(_ => { });

        Assert.Equal(Window(Panel).DataFingerprint, DataFingerprint.Compute(rebuilt, Window(Panel)));
    }

    [Fact]
    public void One_in_sample_close_changed_in_its_last_bit_changes_the_fingerprint()
    {
        var changed = Changed(c => c.Close[1][10] = Math.BitIncrement(c.Close[1][10]));

        Assert.NotEqual(Window(Panel).DataFingerprint, DataFingerprint.Compute(changed, Window(Panel)));
    }

    [Fact]
    public void One_out_of_sample_volume_changed_changes_the_fingerprint()
    {
        var changed = Changed(c => c.Volume[0][59] += 1);

        Assert.NotEqual(Window(Panel).DataFingerprint, DataFingerprint.Compute(changed, Window(Panel)));
    }

    [Fact]
    public void Symbols_not_pinned_do_not_enter_the_fingerprint()
    {
        var pinned = new[] { "TEST:A", "TEST:B" };
        var changed = Changed(c =>
        {
            for (var t = 0; t < 60; t++) c.Close[2][t] *= 3; // TEST:C is not pinned
        });

        Assert.Equal(Window(Panel, pinned).DataFingerprint, DataFingerprint.Compute(changed, Window(Panel, pinned)));
    }

    [Fact]
    public void A_bar_between_the_ranges_enters_the_fingerprint_because_validation_replays_it()
    {
        var changed = Changed(c => c.Close[0][32] *= 2);

        Assert.NotEqual(Window(Panel).DataFingerprint, DataFingerprint.Compute(changed, Window(Panel)));
    }

    [Fact]
    public void Bars_before_the_in_sample_start_and_after_the_out_of_sample_end_do_not_enter_the_fingerprint()
    {
        var window = PinnedWindowFactory.Create(Panel, Date(Panel, 2), Date(Panel, 29), Date(Panel, 35), Date(Panel, 57));
        var changed = Changed(c =>
        {
            c.Close[0][1] *= 2;
            c.Close[1][58] *= 2;
        });

        Assert.Equal(window.DataFingerprint, DataFingerprint.Compute(changed, window));
    }

    [Fact]
    public void A_changed_fundamental_of_a_pinned_symbol_changes_the_fingerprint()
    {
        var (open, high, low, close, volume) = TestPanels.Columns(Panel);
        ActorTrader.Strategies.Panel.BarPanel WithMarketCap(double cap) =>
            ActorTrader.Strategies.Panel.BarPanel.FromColumns(Panel.Timeframe, Panel.Symbols, Panel.Times, open, high, low, close, volume,
                new Dictionary<ActorTrader.Domain.Instruments.Symbol, ActorTrader.Strategies.Panel.FundamentalData>
                {
                    [Panel.Symbols[0]] = new(Panel.Times[0], MarketCap: cap, Sector: "Energy"),
                });

        var window = Window(WithMarketCap(1e9));

        Assert.NotEqual(window.DataFingerprint, DataFingerprint.Compute(WithMarketCap(2e9), window));
        Assert.NotEqual(window.DataFingerprint, Window(Panel).DataFingerprint);
    }

    [Fact]
    public void Another_range_or_symbol_list_gives_another_fingerprint()
    {
        var all = Window(Panel);
        var shorter = PinnedWindowFactory.Create(Panel, Date(Panel, 0), Date(Panel, 28), Date(Panel, 35), Date(Panel, 59));
        var reordered = Window(Panel, ["TEST:B", "TEST:A", "TEST:C"]);

        Assert.Equal(3, new[] { all.DataFingerprint, shorter.DataFingerprint, reordered.DataFingerprint }.Distinct().Count());
    }
}
