using ActorTrader.Actors;
using ActorTrader.Backtest.Forecasting;
using ActorTrader.Quant.Forecasting;
using ActorTrader.Quant.Forecasting.Signals;
using ActorTrader.TestKit;
using ActorTrader.Trading.Forecasting;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace ActorTrader.Trading.Tests.Forecasting;

public sealed class ModelRunnerTests : TestKit.TestKit, IDisposable
{
    private static readonly TimeSpan Real = TimeSpan.FromSeconds(20);
    private static readonly ForecastingSettings Settings = ForecastingSettings.Default with { MaxParallel = 4, ModelTimeout = TimeSpan.FromSeconds(30), Horizon = 5 };
    private static readonly CollectingSink Log = new();
    private readonly HangingModel _hanging = new();

    public ModelRunnerTests()
        : base(new TestKitSettings
        {
            VirtualTime = true,
            Setup = new ActorSystemSetup { Logger = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(Log).CreateLogger() },
        })
    {
    }

    // Releases the hung fits' pool threads (xUnit disposes after the actor system has shut down).
    public void Dispose() => _hanging.Dispose();

    private static ForecastSeries[] Universe(int symbols) => Enumerable.Range(0, symbols).Select(i => RunnerSeries.RandomWalk($"SYM{i}", 300, i)).ToArray();

    private TestProbe Events()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(ForecastSignalProduced));
        Sys.EventStream.Subscribe(probe.Ref, typeof(ForecastModelFailed));
        return probe;
    }

    [Fact]
    public void A_throwing_and_a_hanging_model_do_not_hold_up_the_other_models_signals()
    {
        var events = Events();
        var runner = Sys.ActorOf(ModelRunner.Props([new FixedModel("up", 0.01), new ThrowingModel(), _hanging, new FixedModel("down", -0.01)], Settings));
        var universe = Universe(2);

        runner.Tell(new RunForecasts("run-1", universe), TestActor);

        // Without any virtual time passing: every good model's signal and both throws arrive.
        var early = events.ReceiveN(6, Real);
        var signals = early.OfType<ForecastSignalProduced>().Select(e => e.Signal).ToArray();
        var throws = early.OfType<ForecastModelFailed>().Select(e => e.Failure).ToArray();
        Assert.Equal(4, signals.Length);
        Assert.Equal(["down", "down", "up", "up"], signals.Select(s => s.Model).Order());
        Assert.Equal(2, throws.Length);
        Assert.All(throws, f => Assert.Equal("InvalidOperationException: planted bug in the model", f.Reason));
        Assert.All(throws, f => Assert.False(f.TimedOut));
        AwaitCondition(() => _hanging.Entered == 2, Real);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        // The hanging fits are abandoned when the timeout passes, and the run completes.
        Scheduler.Advance(Settings.ModelTimeout);
        var completed = ExpectMsg<ForecastsCompleted>(Real);
        Assert.Equal("run-1", completed.RunId);
        Assert.Equal(4, completed.Signals.Count);
        var timedOut = completed.Failures.Where(f => f.TimedOut).ToArray();
        Assert.Equal(["SYM0", "SYM1"], timedOut.Select(f => f.Symbol).Order());
        Assert.All(timedOut, f => Assert.Equal("hanging", f.Model));
        Assert.All(timedOut, f => Assert.Contains("did not finish within 00:00:30 (actortrader.forecasting.runner.model-timeout)", f.Reason, StringComparison.Ordinal));
        Assert.Equal(4, completed.Failures.Count);
        Assert.Equal(4, completed.Diagnostics.Count);

        // Every failure was logged at Warning with the model and symbol.
        Assert.Equal(4, Log.Warnings("run-1").Count(w => w.Contains("SYM", StringComparison.Ordinal) && (w.Contains("throwing", StringComparison.Ordinal) || w.Contains("hanging", StringComparison.Ordinal))));
    }

    [Fact]
    public void With_every_slot_taken_by_a_hang_the_others_wait_no_longer_than_the_timeout()
    {
        var events = Events();
        var settings = Settings with { MaxParallel = 1 };
        var runner = Sys.ActorOf(ModelRunner.Props([_hanging, new FixedModel("up", 0.01)], settings));

        runner.Tell(new RunForecasts("run-2", Universe(1)), TestActor);

        AwaitCondition(() => _hanging.Entered == 1, Real);
        events.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Scheduler.Advance(settings.ModelTimeout - TimeSpan.FromSeconds(1));
        events.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        Assert.True(events.ExpectMsg<ForecastModelFailed>(Real).Failure.TimedOut);
        Assert.Equal("up", events.ExpectMsg<ForecastSignalProduced>(Real).Signal.Model);
        Assert.Single(ExpectMsg<ForecastsCompleted>(Real).Signals);
    }

    [Fact]
    public void Every_signal_carries_its_provenance()
    {
        var runner = Sys.ActorOf(ModelRunner.Props([new FixedModel("up", 0.01), new FixedModel("flat", 0.00001)], Settings with { History = 200 }));
        var universe = Universe(3);

        runner.Tell(new RunForecasts("run-3", universe), TestActor);

        var completed = ExpectMsg<ForecastsCompleted>(Real);
        Assert.Equal(6, completed.Signals.Count);
        Assert.Empty(completed.Failures);
        foreach (var signal in completed.Signals)
        {
            var series = universe.Single(s => s.Symbol == signal.Symbol);
            // The model saw the last 200 bars; the fingerprint names exactly those.
            var seen = series.Times.Skip(100).ToArray();
            Assert.Equal(DataFingerprint.Of(series.Symbol, seen, series.LogPrices.Skip(100).ToArray()), signal.DataFingerprint);
            Assert.StartsWith("sha256:", signal.DataFingerprint, StringComparison.Ordinal);
            Assert.Equal("fixed-1", signal.Version);
            Assert.Equal(5, signal.Horizon);
            Assert.Equal(series.Times[^1], signal.AsOf);
            Assert.Equal(Scheduler.Now.UtcDateTime, signal.Timestamp);
            Assert.Equal(DateTimeKind.Utc, signal.Timestamp.Kind);
            Assert.Equal(0.02, signal.Volatility);
            Assert.Equal(signal.Model == "up" ? SignalDirection.Up : SignalDirection.Flat, signal.Direction);
        }
        Assert.All(completed.Diagnostics, d => Assert.Contains("Ljung-Box", d.Diagnostics, StringComparison.Ordinal));
        Assert.Equal(3, completed.Signals.Where(s => s.Model == "up").Select(s => s.DataFingerprint).Distinct().Count());
    }

    [Fact]
    public void The_built_in_models_all_produce_signals_and_a_second_run_waits_for_the_first()
    {
        var runner = Sys.ActorOf(ModelRunner.Props(Settings with { MaxParallel = 2 }));
        var universe = Universe(2);

        runner.Tell(new RunForecasts("first", universe), TestActor);
        runner.Tell(new RunForecasts("second", universe, Horizon: 1), TestActor);

        var first = ExpectMsg<ForecastsCompleted>(TimeSpan.FromSeconds(60));
        var second = ExpectMsg<ForecastsCompleted>(TimeSpan.FromSeconds(60));
        Assert.Equal("first", first.RunId);
        Assert.Equal("second", second.RunId);
        Assert.Empty(first.Failures);
        Assert.Equal(ForecastModels.Names.Count * 2, first.Signals.Count);
        Assert.Equal(ForecastModels.Names.Order(), first.Signals.Select(s => s.Model).Distinct().Order());
        Assert.All(first.Signals, s => Assert.Equal(5, s.Horizon));
        Assert.All(second.Signals, s => Assert.Equal(1, s.Horizon));
        Assert.All(first.Diagnostics.Where(d => d.Model == "arima"), d => Assert.Contains(d.Notes, n => n.StartsWith("ARIMA(", StringComparison.Ordinal)));
    }

    private sealed class CollectingSink : ILogEventSink
    {
        private readonly List<string> _warnings = [];

        public void Emit(LogEvent logEvent)
        {
            if (logEvent.Level != LogEventLevel.Warning) return;
            lock (_warnings) _warnings.Add(logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        public string[] Warnings(string runId)
        {
            lock (_warnings) return _warnings.Where(w => w.Contains(runId, StringComparison.Ordinal)).ToArray();
        }
    }
}
