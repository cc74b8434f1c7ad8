using System.Globalization;
using ActorTrader.Actors;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Brokers.Alpaca;
using ActorTrader.Brokers.Paper;
using ActorTrader.Data.Runs;
using ActorTrader.Data.Settings;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;
using ActorTrader.Hocon;
using ActorTrader.Hosting.Checking;
using ActorTrader.Hosting.Settings;
using ActorTrader.Node.Hosting;
using ActorTrader.Trading.Accounts;
using ActorTrader.Trading.Backup;
using ActorTrader.Trading.Clock;
using ActorTrader.Trading.Day;
using ActorTrader.Trading.Host;
using ActorTrader.Trading.Host.Operations;
using ActorTrader.Trading.Host.Replay;
using ActorTrader.Trading.Host.Targets;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Meta;
using ActorTrader.Trading.Panels;
using ActorTrader.Trading.Sleeves;

namespace ActorTrader.Node.Trading;

/// <summary>
/// Composes the trading core of a node with role trader (ARCHITECTURE.md §3): <c>/user/trading</c> with the gate, the
/// sleeves, the meta-portfolio and <c>account-&lt;id&gt;</c> (broker, orders, ledger, risk, day), on the broker
/// <c>actortrader.broker.kind</c> names, and starts it in replay or live-clock mode. A live broker (alpaca, live = true)
/// starts only through the <see cref="LiveGate"/>; a replay runs on the paper broker only (its quotes make the fills).
/// </summary>
internal static class TradingHost
{
    public const int ExitConfigInvalid = NodeHost.ExitConfigInvalid;
    public const int ExitStartFailed = NodeHost.ExitStartFailed;
    public const int ExitLiveRefused = NodeHost.ExitLiveRefused;

    /// <summary>How long the meta-portfolio's sleeves may take to give the targets.</summary>
    private static readonly TimeSpan TargetsTimeout = TimeSpan.FromMinutes(15);

    public static async Task<RunningTrading> StartAsync(TradingHostContext c, CancellationToken cancellationToken)
    {
        var config = c.Loaded.Config;
        var settings = c.Settings;
        var calendar = MarketCalendars.Nyse;
        var account = Require("trading account", TradingAccountSettings.Read(config));
        var ledger = Require("ledger", LedgerSettings.Read(config));
        var day = Require("trading day", TradingDaySettings.Read(config));
        var data = ReadData(config, c.Loaded.WorkingDirectory);
        var sleeveSettings = Require("sleeves", SleeveSettings.Read(config, c.Loaded.WorkingDirectory));
        var meta = Require("meta", MetaSettings.Read(config));
        var backup = Require("backup", BackupSettings.Read(config, settings.Node.DataDir));
        var profileName = settings.TradingRun.Profile;
        if (!meta.TryGetProfile(profileName, out var profile, out var profileError))
            throw new TradingStartException(ExitConfigInvalid, $"{TradingRunSettings.Section}.profile: {profileError}");
        var nodeSleeves = NodeSleeves.Create(config, c.Loaded.WorkingDirectory, data, sleeveSettings, c.Time);
        var sleeveFiles = nodeSleeves.Files;
        var universe = Universe(sleeveFiles, profile.Sleeves);
        var artifacts = nodeSleeves.Artifacts;
        var panels = nodeSleeves.Panels;
        var replay = c.Arguments.Mode == TradingMode.Replay;

        // The quotes first: the live gate needs to know whether they are synthetic before any broker exists.
        IReadOnlyList<MarketSession> sessions;
        ReplayMarketClock? replayClock = null;
        if (replay)
        {
            var start = c.Arguments.Start ?? day.Replay.Start;
            var days = c.Arguments.Days ?? day.Replay.Days;
            sessions = ReplayFeedLoader.Sessions(calendar, start, days);
            replayClock = new ReplayMarketClock(calendar, calendar.StartOfDayUtc(sessions[0].Date));
        }
        else
        {
            var today = calendar.LocalDate(c.Time.GetUtcNow());
            sessions = calendar.Sessions(today.AddDays(-45), today);
            if (sessions.Count == 0) throw new TradingStartException(ExitStartFailed, string.Create(CultureInfo.InvariantCulture, $"The {calendar.Name} calendar has no session in the 45 days before {today:yyyy-MM-dd}."));
        }
        var feed = await ReplayFeedLoader.LoadAsync(panels, universe, sessions, calendar, cancellationToken).ConfigureAwait(false);
        var quotes = new FeedQuotes(feed.Feed);
        c.Log.Information("Trading prices: {Source}{Synthetic}, {Symbols} symbols{Dropped}", quotes.Source, quotes.Synthetic ? " (synthetic)" : "",
            universe.Count - feed.Dropped.Count, feed.Dropped.Count == 0 ? "" : $"; no prices for {string.Join(", ", feed.Dropped)} (their weights stay in cash)");

        var resources = new List<IAsyncDisposable>();
        var disposables = new List<IDisposable>();
        try
        {
            var broker = OpenBroker(c, replay, replayClock, quotes.Synthetic, resources, disposables);
            if (broker.Paper is { } paperSettings)
            {
                // The ledger opens with the paper account's cash (its kind is the broker's, adopted at reconciliation) and books
                // the paper's commission schedule on fills whose commission the broker did not report.
                ledger = ledger with
                {
                    InitialCash = paperSettings.InitialCash,
                    Commission = new CommissionModel(paperSettings.CommissionBps, paperSettings.CommissionPerShare),
                };
            }
            var targetsRun = replay ? (RunId?)ReplayRunId(c.Cursor, c.Time) : null;
            var setup = new TradingCoreSetup(c.System, broker.AccountId, broker.Factory, broker.Name, broker.IsLive, c.Control, calendar,
                actors => new MetaScheduleTargets(actors.Meta!, actors.Sleeves!, profile.Name, calendar, TargetsTimeout, targetsRun))
            {
                Ledger = ledger,
                Risk = settings.Risk,
                Account = account,
                Day = day,
                Publisher = broker.Publisher,
                Assets = broker.Assets,
                Sleeves = nodeSleeves.PropsFactory(),
                Meta = sleeves => MetaPortfolioActor.CreateProps(meta, artifacts, c.SleeveProxies is { } proxies ? proxies(sleeves) : SleeveProxy.Factory(sleeves)),
                AskTimeout = TimeSpan.FromSeconds(30),
            };
            var core = await TradingCore.PrepareAsync(setup, cancellationToken).ConfigureAwait(false);
            if (core.Targets is IDisposable targets) disposables.Add(targets);

            if (replay)
            {
                var run = targetsRun!.Value;
                var progress = new ReplayProgress(run.Value, sessions[0].Date, sessions.Count);
                var handle = new NodeTrading("replay", core, progress, settings.Actors.AskTimeout) { StateDatabases = broker.StateDatabases };
                var plan = new ReplayPlan(run, sessions, replayClock!, quotes, profile.Name, c.Output, c.Time)
                {
                    Bar = TerminalProgressBar.ForConsole(),
                    Dropped = [.. feed.Dropped.Select(s => s.ToString())],
                    Artifacts = artifacts,
                    Pace = settings.TradingRun.ReplayPace,
                };
                var resume = c.Cursor?.Last is { } last
                    ? string.Create(CultureInfo.InvariantCulture, $"; resuming after {last.Date:yyyy-MM-dd} ({c.Cursor.Completed.Count}/{sessions.Count} done)")
                    : "";
                var header = string.Create(CultureInfo.InvariantCulture,
                    $"Replay {run.Value}: {sessions.Count} trading days from {sessions[0].Date:yyyy-MM-dd} on {quotes.Source}{(quotes.Synthetic ? " (synthetic)" : "")}, broker {broker.Name}{resume}");
                c.Log.Information("{Header}", header);
                await c.Output.WriteLineAsync(header).ConfigureAwait(false);
                await c.Output.FlushAsync(cancellationToken).ConfigureAwait(false);
                var task = Task.Run(async () =>
                {
                    handle.State = "running";
                    try
                    {
                        var result = await ReplayRunner.RunAsync(core, plan, progress, cancellationToken).ConfigureAwait(false);
                        handle.State = result.Succeeded ? "finished" : "failed";
                        return result;
                    }
                    catch
                    {
                        handle.State = "failed";
                        throw;
                    }
                }, CancellationToken.None);
                return new RunningTrading(handle, task, resources, disposables);
            }

            var clock = new LiveMarketClock(calendar, c.System.Scheduler);
            var live = new NodeTrading("live-clock", core, null, settings.Actors.AskTimeout) { StateDatabases = broker.StateDatabases };
            var journalBackup = new JournalBackup(backup, c.Time);
            var persistence = c.Persistence;
            var dataDir = settings.Node.DataDir;
            var log = c.Log;
            await core.StartAccountAsync(refs => TradingDayActor.LiveProps(day, core.Operations(refs, quotes, clock, null, (date, ct) => Task.Run(() =>
            {
                var result = journalBackup.Run(persistence, dataDir, broker.StateDatabases);
                log.Information("Journal backup of {Date:l} in {Directory}", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), result.Directory);
            }, ct)), clock), calendar, cancellationToken).ConfigureAwait(false);
            live.State = "running";
            return new RunningTrading(live, null, resources, disposables);
        }
        catch
        {
            foreach (var resource in resources) await resource.DisposeAsync().ConfigureAwait(false);
            foreach (var disposable in disposables) disposable.Dispose();
            throw;
        }
    }

    /// <summary>The replay's run id: the one its cursor recorded (a resumed replay), else a new one.</summary>
    private static RunId ReplayRunId(ReplayCursor? cursor, TimeProvider time) =>
        cursor?.Started is { } started && RunId.TryParse(started.RunId, out var id) ? id : RunId.New(time.GetUtcNow());

    private static BrokerChoice OpenBroker(TradingHostContext c, bool replay, ReplayMarketClock? replayClock, bool synthetic, List<IAsyncDisposable> resources, List<IDisposable> disposables)
    {
        var settings = c.Settings;
        var config = c.Loaded.Config;
        switch (settings.Broker.Kind)
        {
            case BrokerSettings.Paper:
            {
                var paperSettings = Require("paper broker", PaperBrokerSettings.Read(config, c.StateDir));
                PaperBroker paper;
                try
                {
                    paper = new PaperBroker(paperSettings, (TimeProvider?)replayClock?.TimeProvider ?? c.Time);
                }
                catch (PaperBrokerStateException e)
                {
                    throw new TradingStartException(ExitStartFailed, e.Message, e);
                }
                resources.Add(paper);
                c.Log.Information("Broker: paper account {AccountId} in {StateFile}", paperSettings.AccountId, paper.StateFile);
                // The crash test's broker points (ACTORTRADER_CRASH_POINT); without the variable the connection is the shared broker itself.
                var crashPoints = CrashPoints.Get(c.System);
                return new BrokerChoice(paperSettings.AccountId, paper.Name, false, () => crashPoints.Wrap(new SharedBroker(paper)), new PaperQuotePublisher(paper),
                    paper.GetAssetsAsync, paperSettings, paper);
            }
            case BrokerSettings.AlpacaKind:
            {
                if (replay)
                    throw new TradingStartException(ExitConfigInvalid,
                        "A replay trades on the paper broker only (its quotes make the fills); actortrader.broker.kind = alpaca. Fix: --set actortrader.broker.kind=paper for a replay, or run the node with --live-clock.");
                var options = RequireAlpaca(config);
                if (LiveGate.Applies(settings.Broker) || options.IsLive)
                {
                    // config-check over every section the node reads, the trading ones included.
                    var failures = LiveGate.Failures(c.Sources, settings.Broker, synthetic);
                    if (failures.Count > 0)
                    {
                        throw new TradingStartException(ExitLiveRefused,
                            "The live broker (alpaca, live = true) was not started: the live gate refused it." + Environment.NewLine +
                            string.Join(Environment.NewLine, failures.Select(f => "  - " + f)));
                    }
                    c.Log.Warning("Live gate passed: trading REAL MONEY on {BaseUrl}", options.BaseUrl);
                }
                var http = new HttpClient { Timeout = options.RequestTimeout + TimeSpan.FromSeconds(5) };
                disposables.Add(http);
                var logger = c.Log;
                AlpacaBroker Connect() => new(http, options, TimeProvider.System, logger);
                var queries = Connect();
                resources.Add(queries);
                return new BrokerChoice(options.IsLive ? "alpaca-live" : "alpaca-paper", queries.Name, queries.IsLive, Connect, null, queries.GetAssetsAsync, null);
            }
            default:
                throw new TradingStartException(ExitConfigInvalid, $"actortrader.broker.kind = \"{settings.Broker.Kind}\" is not a broker. Fix: use paper or alpaca.");
        }
    }

    private static AlpacaBrokerOptions RequireAlpaca(Config config)
    {
        try
        {
            return AlpacaBrokerOptions.FromConfig(config);
        }
        catch (AlpacaBrokerOptionsException e)
        {
            throw new TradingStartException(ExitConfigInvalid, $"The alpaca broker configuration has problems:{Environment.NewLine}{e.Message}", e);
        }
    }

    private static DataSettings ReadData(Config config, string workingDirectory)
    {
        try
        {
            return DataSettings.FromConfig(config, workingDirectory);
        }
        catch (DataSettingsException e)
        {
            throw new TradingStartException(ExitConfigInvalid, $"The data configuration has problems:{Environment.NewLine}{e.Message}", e);
        }
    }

    /// <summary>Every symbol of the profile's sleeves, sorted; a sleeve file with problems stops the start.</summary>
    private static IReadOnlyList<Symbol> Universe(SleeveFiles files, IReadOnlyList<string> sleeves)
    {
        var symbols = new SortedSet<Symbol>();
        foreach (var name in sleeves)
        {
            var read = files.Read(name);
            if (!read.IsValid)
                throw new TradingStartException(ExitConfigInvalid, $"Sleeve {name} ({read.Source}) has problems:{Environment.NewLine}" +
                    string.Join(Environment.NewLine, read.Problems.Select(p => $"  {p.Location}: {p.Message} Fix: {p.Fix}")));
            symbols.UnionWith(read.Definition!.Universe.Symbols);
        }
        return [.. symbols];
    }

    private static T Require<T>(string section, (T Settings, IReadOnlyList<ConfigProblem> Problems) read)
    {
        if (read.Problems.Count == 0) return read.Settings;
        throw new TradingStartException(ExitConfigInvalid, $"The {section} configuration has problems:{Environment.NewLine}" +
            string.Join(Environment.NewLine, read.Problems.Select(p => "  " + p)) + $"{Environment.NewLine}Check it with ./actortrader config-check.");
    }

    /// <summary>The broker the node trades with: the account id, the broker actor's connection factory, and for the paper broker its quote publisher and settings.</summary>
    private sealed record BrokerChoice(
        string AccountId,
        string Name,
        bool IsLive,
        Func<IBroker> Factory,
        IQuotePublisher? Publisher,
        Func<CancellationToken, Task<IReadOnlyList<BrokerAsset>>> Assets,
        PaperBrokerSettings? Paper,
        PaperBroker? PaperAccount = null)
    {
        /// <summary>The paper account's file for backups, copied by the broker itself (it holds the file exclusively); none for a real broker.</summary>
        public IReadOnlyList<DatabaseCopy> StateDatabases => PaperAccount is { } paper ? [new DatabaseCopy(paper.StateFile, paper.BackupTo)] : [];
    }
}
