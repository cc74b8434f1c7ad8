using ActorTrader.Actors;
using ActorTrader.Backtest.Forecasting;
using ActorTrader.Quant.Forecasting.Signals;
using ActorTrader.TestKit;
using ActorTrader.Trading.Forecasting;

namespace ActorTrader.Trading.Tests.Forecasting;

public sealed class SignalRouterTests() : TestKit.TestKit(new TestKitSettings { VirtualTime = true })
{
    private static readonly DateTime At = new(2026, 11, 20, 21, 0, 0, DateTimeKind.Utc);
    private static readonly ForecastingSettings Enabled = ForecastingSettings.Default with { RouterEnabled = true };

    private static Signal SignalOf(string symbol, string model, int horizon = 5, string version = "1") =>
        new(symbol, SignalDirection.Up, 0.01, 0.4, horizon, 0.02, model, version, "sha256:0011223344556677", At, At, []);

    private static ModelValidation Row(string model, int horizon, ValidationTier tier, string version = "1") =>
        new(model, version, horizon, 10, 500, 0, [], 0.01, 0.02, 1, 0.011, 0.021, 0.55, 1.2, 0.1, 1.0, new TestSummary(-3, 0.01), new TestSummary(-2, 0.02),
            0.1, 0.5, tier, []);

    private static ValidationReport Report(params ModelValidation[] rows) => new(At, ["AAA", "BBB"], At.AddYears(-5), At, ValidationSettings.Default, rows);

    [Fact]
    public void The_primary_is_routed_when_green()
    {
        var report = Report(Row("arima", 5, ValidationTier.Green), Row("ssa", 5, ValidationTier.Green));

        var (signal, reasons) = SignalRouting.Choose("AAA", [SignalOf("AAA", "ssa"), SignalOf("AAA", "arima")], report, "arima", ["ssa"]);

        Assert.Equal("arima", signal!.Model);
        Assert.Empty(reasons);
    }

    [Fact]
    public void A_primary_that_is_not_green_falls_back_to_the_first_green_fallback()
    {
        var report = Report(Row("arima", 5, ValidationTier.Yellow), Row("ssa", 5, ValidationTier.Red), Row("holt-winters", 5, ValidationTier.Green));
        Signal[] signals = [SignalOf("AAA", "arima"), SignalOf("AAA", "ssa"), SignalOf("AAA", "holt-winters")];

        var (signal, reasons) = SignalRouting.Choose("AAA", signals, report, "arima", ["ssa", "holt-winters"]);

        Assert.Equal("holt-winters", signal!.Model);
        Assert.Equal(["arima: validation is YELLOW at horizon 5, only GREEN is routed", "ssa: validation is RED at horizon 5, only GREEN is routed"], reasons);
    }

    [Fact]
    public void Nothing_is_routed_without_a_green_validation_at_that_horizon_and_version()
    {
        var report = Report(Row("arima", 1, ValidationTier.Green), Row("ssa", 5, ValidationTier.Green, version: "0"));
        Signal[] signals = [SignalOf("AAA", "arima"), SignalOf("AAA", "ssa")];

        var (signal, reasons) = SignalRouting.Choose("AAA", signals, report, "arima", ["ssa", "holt-winters"]);

        Assert.Null(signal);
        Assert.Equal(
            ["arima: not validated at horizon 5", "ssa: validated at version 0, the signal is version 1; validate again", "holt-winters: no signal for AAA in this run"],
            reasons);
        Assert.Null(SignalRouting.Choose("AAA", signals, null, "arima", []).Signal);
        Assert.Contains("actortrader forecast validate", SignalRouting.Choose("AAA", signals, null, "arima", []).Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Routing_off_tells_subscribers_and_routes_nothing()
    {
        var router = Sys.ActorOf(SignalRouter.Props(ForecastingSettings.Default, () => Report(Row("arima", 5, ValidationTier.Green))));

        router.Tell(new SubscribeForecasts(TestActor), TestActor);
        var subscription = ExpectMsg<ForecastSubscription>();
        Assert.False(subscription.RoutingEnabled);
        Assert.Contains("actortrader.forecasting.router.enabled = on", subscription.Detail, StringComparison.Ordinal);

        Sys.EventStream.Publish(new ForecastsCompleted("run", [SignalOf("AAA", "arima")], [], []));
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Routing_on_sends_each_consumer_the_chosen_signal_or_why_there_is_none()
    {
        var report = Report(Row("arima", 5, ValidationTier.Green), Row("ssa", 5, ValidationTier.Green));
        var router = Sys.ActorOf(SignalRouter.Props(Enabled, () => report));
        var second = CreateTestProbe();
        router.Tell(new SubscribeForecasts(TestActor), TestActor);
        router.Tell(new SubscribeForecasts(second.Ref), TestActor);
        Assert.True(ExpectMsg<ForecastSubscription>().RoutingEnabled);
        ExpectMsg<ForecastSubscription>();

        var failure = new ModelFailure("run-7", "CCC", "arima", "1", "not converged", false);
        router.Tell(new ForecastsCompleted("run-7", [SignalOf("AAA", "arima"), SignalOf("AAA", "ssa"), SignalOf("BBB", "ssa")], [failure], []));

        var aaa = ExpectMsg<RoutedForecast>();
        Assert.Equal(("AAA", "arima", "run-7"), (aaa.Signal.Symbol, aaa.Signal.Model, aaa.RunId));
        var bbb = ExpectMsg<RoutedForecast>();
        Assert.Equal(("BBB", "ssa"), (bbb.Signal.Symbol, bbb.Signal.Model));
        Assert.Equal(["arima: no signal for BBB in this run"], bbb.PassedOver);
        var ccc = ExpectMsg<ForecastUnavailable>();
        Assert.Equal("CCC", ccc.Symbol);
        second.ExpectMsg<RoutedForecast>();
        second.ExpectMsg<RoutedForecast>();
        second.ExpectMsg<ForecastUnavailable>();
    }

    [Fact]
    public void An_unreadable_validation_report_routes_nothing()
    {
        var router = Sys.ActorOf(SignalRouter.Props(Enabled, () => throw new InvalidDataException("validation.json is damaged")));
        router.Tell(new SubscribeForecasts(TestActor), TestActor);
        ExpectMsg<ForecastSubscription>();

        Sys.EventStream.Publish(new ForecastsCompleted("run-8", [SignalOf("AAA", "arima")], [], []));

        var unavailable = ExpectMsg<ForecastUnavailable>();
        Assert.Equal("AAA", unavailable.Symbol);
        Assert.Contains("validation.json is damaged", unavailable.Reasons[0], StringComparison.Ordinal);
    }
}
