using System.Collections.Concurrent;
using System.Globalization;
using ActorTrader.Actors;
using ActorTrader.Domain.Calendar;
using ActorTrader.TestKit;
using ActorTrader.Trading.Clock;
using ActorTrader.Trading.Day;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace ActorTrader.Trading.Tests.Day;

/// <summary>Runs alone: it sets the process's default thread culture, which the actors' threads use.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCultureCollection
{
    public const string Name = "process culture";
}

/// <summary>The trading day's messages and log lines name dates in ISO 8601 whatever the process culture (Thai: Buddhist years).</summary>
[Collection(ProcessCultureCollection.Name)]
public sealed class TradingDayCultureTests : TestKit.TestKit, IDisposable
{
    private static readonly CultureInfo Thai = CultureInfo.GetCultureInfo("th-TH");

    private readonly CultureInfo? _default = CultureInfo.DefaultThreadCurrentCulture;
    private readonly CapturedLog _log;
    private readonly FakeOperations _ops;

    public TradingDayCultureTests() : this(new CapturedLog()) { }

    private TradingDayCultureTests(CapturedLog log) : base(new TestKitSettings
    {
        VirtualTime = true,
        Setup = new ActorSystemSetup { Logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(log).CreateLogger() },
    })
    {
        _log = log;
        _ops = new FakeOperations(() => Scheduler.Now);
        CultureInfo.DefaultThreadCurrentCulture = Thai;
    }

    public void Dispose() => CultureInfo.DefaultThreadCurrentCulture = _default;

    private IActorRef StartDay(DateTimeOffset at)
    {
        Scheduler.AdvanceTo(at);
        return Sys.ActorOf(TradingDayActor.LiveProps(TradingDaySettings.Default, _ops, new LiveMarketClock(MarketCalendars.Nyse, Sys.Scheduler)), TradingDayActor.Name);
    }

    [Fact]
    public async Task A_rebalance_refused_on_a_closed_market_names_the_dates_in_ISO_under_a_Thai_culture()
    {
        var day = StartDay(MarketCalendars.Nyse.ToUtc(new DateOnly(2026, 1, 6), new TimeOnly(6, 0)));

        day.Tell(new RebalanceNow(), TestActor);

        var reason = (await ExpectMsgAsync<RebalanceRefused>()).Reason;
        Assert.Contains("on 2026-01-06; the next session opens at 09:30 ET on 2026-01-06", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_days_log_lines_name_the_date_in_ISO_when_rendered_under_a_Thai_culture()
    {
        var day = StartDay(MarketCalendars.Nyse.ToUtc(new DateOnly(2026, 1, 6), new TimeOnly(6, 0)));

        day.Tell(GetTradingDayStatus.Instance, TestActor);
        await ExpectMsgAsync<TradingDayStatus>();

        var lines = _log.Rendered(Thai).Where(l => l.StartsWith("Trading day ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.StartsWith("Trading day 2026-01-06", l, StringComparison.Ordinal));
    }

    /// <summary>Keeps every log event, to render them later under any culture.</summary>
    private sealed class CapturedLog : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

        public IReadOnlyList<string> Rendered(IFormatProvider culture) => [.. _events.Select(e => e.RenderMessage(culture))];
    }
}
