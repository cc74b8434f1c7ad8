using System.Globalization;
using ActorTrader.Backtest.WalkForward;
using ActorTrader.Hocon;
using ActorTrader.Research.Bandit;
using ActorTrader.Research.Discovery;
using ActorTrader.Research.Evolution;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Genetics;
using ActorTrader.Research.Novelty;
using ActorTrader.Research.Promotion.Pipeline;
using ActorTrader.Research.Promotion.Pipeline.Paper;
using ActorTrader.Research.Promotion.Statistics;
using ActorTrader.Research.Scheduling;
using ActorTrader.Strategies.Catalog;

namespace ActorTrader.Research.Settings;

/// <summary>
/// Reads <c>actortrader.research</c> through a <see cref="ConfigProblemLog"/>: a missing key keeps its code default (the
/// same as reference.conf), a mistyped or out-of-range one is reported at its position with the fix and replaced by the
/// default, so one config-check shows every problem.
/// </summary>
internal sealed class ResearchSettingsReader(Config config, StrategyCatalog catalog)
{
    private const string S = ResearchSettings.Section + ".";
    private readonly ConfigProblemLog _log = new(config);

    public (ResearchSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read()
    {
        var d = ResearchSettings.Default;
        var settings = new ResearchSettings
        {
            Strategies = Strategies(d.Strategies),
            Seed = Seed(d.Seed),
            Generations = Int("generations", d.Generations, min: 0, "0 (no limit) or more"),
            Parallelism = Int("parallelism", d.Parallelism, min: 1, "1 or more"),
            SnapshotEvery = Int("snapshot-every", d.SnapshotEvery, min: 1, "1 or more"),
            ImmigrantShare = Share("immigrant-share", d.ImmigrantShare, upperExclusive: true),
            EliteArchive = Int("elite-archive", d.EliteArchive, min: 1, "1 or more"),
            CorrelationPenalty = Double("correlation-penalty", d.CorrelationPenalty, v => v >= 0, "a number, 0 or more (0 = no penalty)"),
            BanditShare = Share("bandit.share", d.BanditShare, upperExclusive: false),
            Breeding = Breeding(d.Breeding),
            Stagnation = Stagnation(d.Stagnation),
            Novelty = Novelty(d.Novelty),
            Bandit = Bandit(d.Bandit),
            Fitness = Fitness(d.Fitness),
            Window = Window(d.Window),
            Promotion = Promotion(d.Promotion),
            Data = Data(d.Data),
            Discovery = Discovery(d.Discovery),
        };
        if (settings.Breeding.EliteCount + (int)Math.Round(settings.ImmigrantShare * settings.PopulationSize) >= settings.PopulationSize)
        {
            _log.Report(S + "immigrant-share",
                $"{S}immigrant-share {F(settings.ImmigrantShare)} of population-size {settings.PopulationSize} plus elite-count {settings.Breeding.EliteCount} leaves no room for children.",
                "Lower immigrant-share or elite-count, or raise breeding.population-size.");
            settings = settings with { ImmigrantShare = 0 };
        }
        var rules = settings.Discovery.PopulationSize;
        if (settings.Discovery.Enabled && settings.Breeding.EliteCount + (int)Math.Round(settings.ImmigrantShare * rules) >= rules)
        {
            _log.Report(S + "discovery.population-size",
                string.Create(CultureInfo.InvariantCulture,
                    $"{S}discovery.population-size {rules} leaves no room for children after breeding.elite-count {settings.Breeding.EliteCount} and immigrant-share {F(settings.ImmigrantShare)}."),
                "Raise discovery.population-size, or lower elite-count or immigrant-share.");
            settings = settings with { Discovery = settings.Discovery with { PopulationSize = d.Discovery.PopulationSize } };
        }
        return (settings, _log.Problems);
    }

    private DiscoverySettings Discovery(DiscoverySettings d)
    {
        const string p = "discovery.";
        var read = new DiscoverySettings
        {
            Enabled = _log.ReadOptional(S + p + "enabled", config.GetBoolean, d.Enabled, "on or off"),
            PopulationSize = Int(p + "population-size", d.PopulationSize, min: 2, "2 or more"),
            MaxDepth = Int(p + "max-depth", d.MaxDepth, min: 2, "a whole number from 2 (a single comparison) up"),
            MaxSize = Int(p + "max-size", d.MaxSize, min: 1, "1 or more condition nodes"),
            InitialMaxDepth = Int(p + "initial-max-depth", d.InitialMaxDepth, min: 2, "2 or more, at most max-depth"),
            Windows = Windows(p + "windows", d.Windows),
            LeafProbability = Share(p + "leaf-probability", d.LeafProbability, upperExclusive: false),
            ConstantProbability = Share(p + "constant-probability", d.ConstantProbability, upperExclusive: false),
            PointMutationProbability = Share(p + "point-mutation-probability", d.PointMutationProbability, upperExclusive: false),
            OscillatorConstants = Grid(p + "oscillator-constants", d.OscillatorConstants),
            ReturnConstants = Grid(p + "return-constants", d.ReturnConstants),
            VolatilityConstants = Grid(p + "volatility-constants", d.VolatilityConstants),
            ZScoreConstants = Grid(p + "zscore-constants", d.ZScoreConstants),
        };
        // A bad limit falls back to the default search, but whether discovery runs stays as configured.
        return Checked("discovery", read, read.Problems(), d) with { Enabled = read.Enabled };
    }

    private List<int> Windows(string relative, IReadOnlyList<int> fallback)
    {
        var key = S + relative;
        var texts = _log.ReadOptional(key, config.GetStringList, [.. fallback.Select(w => w.ToString(CultureInfo.InvariantCulture))], "a list of whole numbers");
        var windows = new List<int>(texts.Count);
        foreach (var text in texts)
        {
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var window))
            {
                windows.Add(window);
                continue;
            }
            _log.Report(key, $"{key} contains \"{text}\", which is not a whole number.", "List indicator windows in bars, e.g. [5, 20, 50].");
            return [.. fallback];
        }
        return windows;
    }

    private ConstantRange Grid(string relative, ConstantRange fallback) =>
        new(Double(relative + ".min", fallback.Min), Double(relative + ".max", fallback.Max), Double(relative + ".step", fallback.Step, v => v > 0, "a number above 0"));

    private List<string> Strategies(IReadOnlyList<string> fallback)
    {
        var key = S + "strategies";
        var names = _log.ReadOptional(key, config.GetStringList, fallback, "a list of strategy names");
        var known = new List<string>();
        foreach (var name in names)
        {
            if (catalog.Contains(name))
            {
                if (!known.Contains(name)) known.Add(name);
                continue;
            }
            _log.Report(key, UnknownStrategyException.Describe(name, catalog.Suggest(name), catalog.Names), "List strategies by the names `actortrader strategies` prints.");
        }
        return known;
    }

    private ulong Seed(ulong fallback)
    {
        var key = S + "seed";
        var seed = _log.ReadOptional(key, config.GetLong, (long)fallback, "a whole number, 0 or more");
        if (seed >= 0) return (ulong)seed;
        _log.Report(key, $"{key} = {seed} is negative.", "Use a whole number, 0 or more, e.g. 42.");
        return fallback;
    }

    private BreedingSettings Breeding(BreedingSettings d)
    {
        const string b = "breeding.";
        var read = new BreedingSettings
        {
            PopulationSize = Int(b + "population-size", d.PopulationSize, min: 2, "2 or more"),
            EliteCount = Int(b + "elite-count", d.EliteCount, min: 0, "0 or more"),
            TournamentSize = Int(b + "tournament-size", d.TournamentSize, min: 1, "1 or more"),
            CrossoverProbability = Double(b + "crossover-probability", d.CrossoverProbability),
            BlendAlpha = Double(b + "blend-alpha", d.BlendAlpha),
            GaussianSigmaFraction = Double(b + "gaussian-sigma-fraction", d.GaussianSigmaFraction),
            ResetProbability = Double(b + "reset-probability", d.ResetProbability),
            MutationRateInitial = Double(b + "mutation-rate-initial", d.MutationRateInitial),
            MutationRateMin = Double(b + "mutation-rate-min", d.MutationRateMin),
            MutationRateMax = Double(b + "mutation-rate-max", d.MutationRateMax),
            MutationRateFactor = Double(b + "mutation-rate-factor", d.MutationRateFactor),
            DiversityFloor = Double(b + "diversity-floor", d.DiversityFloor),
        };
        return Checked("breeding", read, read.Problems(), d);
    }

    private StagnationSettings Stagnation(StagnationSettings d)
    {
        var read = new StagnationSettings
        {
            Generations = Int("stagnation.generations", d.Generations, min: 1, "1 or more"),
            Tolerance = Double("stagnation.tolerance", d.Tolerance),
        };
        return Checked("stagnation", read, read.Problems(), d);
    }

    private NoveltySettings Novelty(NoveltySettings d)
    {
        var read = new NoveltySettings
        {
            K = Int("novelty.k", d.K, min: 1, "1 or more"),
            Capacity = Int("novelty.capacity", d.Capacity, min: 1, "1 or more"),
            Weight = Share("novelty.weight", d.Weight, upperExclusive: false),
            AddsPerGeneration = Int("novelty.adds-per-generation", d.AddsPerGeneration, min: 0, "0 or more"),
        };
        return Checked("novelty", read, read.Problems(), d);
    }

    private BanditSettings Bandit(BanditSettings d)
    {
        var read = new BanditSettings
        {
            BinsPerParameter = Int("bandit.bins-per-parameter", d.BinsPerParameter, min: 1, "1 or more"),
            ExploreShare = Share("bandit.explore-share", d.ExploreShare, upperExclusive: false),
            PriorStd = Double("bandit.prior-std", d.PriorStd),
            RewardMin = Double("bandit.reward-min", d.RewardMin),
            RewardMax = Double("bandit.reward-max", d.RewardMax),
        };
        return Checked("bandit", read, read.Problems(), d);
    }

    private FitnessSettings Fitness(FitnessSettings d)
    {
        const string f = "fitness.";
        var train = Int(f + "train-bars", d.Folds.TrainBars, min: 4, "4 or more");
        var test = Int(f + "test-bars", d.Folds.TestBars, min: 1, "1 or more");
        return d with
        {
            MinimumTrades = Int(f + "min-trades", d.MinimumTrades, min: 0, "0 or more"),
            DrawdownPenalty = Double(f + "drawdown-penalty", d.DrawdownPenalty, v => v >= 0, "a number, 0 or more"),
            TurnoverPenalty = Double(f + "turnover-penalty", d.TurnoverPenalty, v => v >= 0, "a number, 0 or more"),
            CostBps = Double(f + "cost-bps", d.CostBps, v => v >= 0, "basis points, 0 or more"),
            Folds = new WalkForwardOptions(train, test),
            Trials = Int(f + "trials", d.Trials, min: 1, "1 or more"),
        };
    }

    private ResearchWindow Window(ResearchWindow d)
    {
        const string w = "window.";
        var enabled = _log.ReadOptional(S + w + "enabled", config.GetBoolean, d.Enabled, "on or off");
        var start = Time(w + "start", d.Start);
        var end = Time(w + "end", d.End);
        var weekends = _log.ReadOptional(S + w + "weekends", config.GetBoolean, d.Weekends, "on or off");
        var zoneKey = S + w + "time-zone";
        var zoneId = _log.ReadOptional(zoneKey, config.GetString, d.TimeZone.Id, "an IANA time zone id");
        var zone = d.TimeZone;
        if (TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found)) zone = found;
        else _log.Report(zoneKey, $"{zoneKey} = \"{zoneId}\" is not a time zone this system knows.", "Use an IANA id such as America/New_York or UTC (install tzdata if it is missing).");
        return new ResearchWindow(start, end, zone, weekends, enabled);
    }

    private PromotionPipelineSettings Promotion(PromotionPipelineSettings d)
    {
        const string p = "promotion.";
        var v = d.Validation;
        var read = new PromotionPipelineSettings
        {
            CandidateMinFitness = Double(p + "candidate-min-fitness", d.CandidateMinFitness),
            PaperDays = Int(p + "paper-days", d.PaperDays, min: 0, "0 or more"),
            AutoPaper = _log.ReadOptional(S + p + "auto-paper", config.GetBoolean, d.AutoPaper, "on or off"),
            Paper = new PaperTrialSettings
            {
                InitialCash = Decimal(p + "paper-initial-cash", d.Paper.InitialCash, x => x > 0, "an amount above 0, e.g. 100000"),
                AfterClose = Duration(p + "paper-after-close", d.Paper.AfterClose, x => x >= TimeSpan.Zero && x < TimeSpan.FromHours(12), "a duration from 0 to below 12h, e.g. 30m"),
                SlippageBps = Decimal(p + "paper-slippage-bps", d.Paper.SlippageBps, x => x is >= 0 and < 10_000, "basis points from 0 to below 10000, e.g. 5"),
                CommissionBps = Decimal(p + "paper-commission-bps", d.Paper.CommissionBps, x => x is >= 0 and < 10_000, "basis points from 0 to below 10000, e.g. 1"),
                MaxDrawdown = Double(p + "paper-max-drawdown", d.Paper.MaxDrawdown, x => x is >= 0 and <= 1, "a share from 0 to 1 (1 = no limit), e.g. 0.15"),
                MinReturn = Double(p + "paper-min-return", d.Paper.MinReturn, x => x >= -1, "a share, -1 (no limit) or more, e.g. -0.05"),
            },
            Validation = new PromotionSettings
            {
                MinimumTrades = Int(p + "min-trades", v.MinimumTrades, min: 0, "0 or more"),
                MinimumSharpe = Double(p + "min-sharpe", v.MinimumSharpe),
                MinimumDeflatedSharpe = Share(p + "min-deflated-sharpe", v.MinimumDeflatedSharpe, upperExclusive: false),
                Trials = Int(p + "trials", v.Trials, min: 1, "1 or more"),
                SignificanceLevel = Double(p + "significance", v.SignificanceLevel, x => x is > 0 and < 1, "a probability between 0 and 1, e.g. 0.05"),
                Horizon = Int(p + "horizon", v.Horizon, min: 1, "1 or more"),
            },
        };
        return Checked("promotion", read, read.Problems(), d);
    }

    private ResearchDataSettings Data(ResearchDataSettings d)
    {
        const string p = "data.";
        var sourceKey = S + p + "source";
        var sourceText = _log.ReadOptional(sourceKey, config.GetString, d.Source.ToString().ToLowerInvariant(), "a data source name");
        var source = d.Source;
        if (!Enum.TryParse(sourceText, ignoreCase: true, out source) || !Enum.IsDefined(source) || int.TryParse(sourceText, out _))
        {
            _log.Report(sourceKey, $"{sourceKey} = \"{sourceText}\" is not a research data source.", "Use auto, lakehouse, csv, synthetic or planted.");
            source = d.Source;
        }
        var symbolsKey = S + p + "symbols";
        var symbols = _log.ReadOptional(symbolsKey, config.GetStringList, d.Symbols, "a list of tickers or EXCHANGE:TICKER symbols");
        if (symbols.Count == 0 && source != ResearchDataSourceKind.Planted)
        {
            _log.Report(symbolsKey, $"{symbolsKey} is empty.", "List the symbols research evaluates strategies on.");
            symbols = d.Symbols;
        }
        var from = Date(p + "from", d.From);
        var to = Date(p + "to", d.To);
        if (from is { } f && to is { } t && f > t)
        {
            _log.Report(S + p + "to", $"{S}{p}to {t:yyyy-MM-dd} is before {S}{p}from {f:yyyy-MM-dd}.", "Give a range whose end is on or after its start.");
            (from, to) = (d.From, d.To);
        }
        var plantedSeed = _log.ReadOptional(S + p + "planted.seed", config.GetLong, (long)d.PlantedSeed, "a whole number, 0 or more");
        if (plantedSeed < 0)
        {
            _log.Report(S + p + "planted.seed", $"{S}{p}planted.seed = {plantedSeed} is negative.", "Use a whole number, 0 or more.");
            plantedSeed = (long)d.PlantedSeed;
        }
        return new ResearchDataSettings
        {
            Source = source,
            Symbols = symbols,
            From = from,
            To = to,
            InSampleFraction = Double(p + "in-sample-fraction", d.InSampleFraction, x => x is > 0 and < 1, "a share between 0 and 1, e.g. 0.7"),
            PlantedSeed = (ulong)plantedSeed,
            PlantedSymbols = Int(p + "planted.symbols", d.PlantedSymbols, min: 1, "1 or more"),
            PlantedYears = Int(p + "planted.years", d.PlantedYears, min: 2, "2 or more"),
            PlantedPlateau = _log.ReadOptional(S + p + "planted.plateau", config.GetBoolean, d.PlantedPlateau, "on or off"),
        };
    }

    /// <summary><paramref name="read"/> when it has no problems; else each is reported at the section and the defaults are kept.</summary>
    private T Checked<T>(string section, T read, IReadOnlyList<string> problems, T fallback)
    {
        foreach (var problem in problems)
            _log.Report(S + section, $"{S}{section}: {problem}", $"Fix the value under {S}{section} (defaults in hocon/reference.conf).");
        return problems.Count == 0 ? read : fallback;
    }

    private int Int(string relative, int fallback, int min, string expected)
    {
        var key = S + relative;
        var value = _log.ReadOptional(key, config.GetInt, fallback, "a whole number");
        if (value >= min) return value;
        _log.Report(key, string.Create(CultureInfo.InvariantCulture, $"{key} = {value} is out of range."), $"Use {expected}.");
        return fallback;
    }

    private double Double(string relative, double fallback, Func<double, bool>? valid = null, string expected = "a number")
    {
        var key = S + relative;
        var value = _log.ReadOptional(key, config.GetDouble, fallback, "a number");
        if (double.IsFinite(value) && (valid is null || valid(value))) return value;
        _log.Report(key, $"{key} = {F(value)} is out of range.", $"Use {expected}.");
        return fallback;
    }

    private decimal Decimal(string relative, decimal fallback, Func<decimal, bool> valid, string expected)
    {
        var key = S + relative;
        var value = _log.ReadOptional(key, config.GetDecimal, fallback, "a number");
        if (valid(value)) return value;
        _log.Report(key, $"{key} = {value.ToString(CultureInfo.InvariantCulture)} is out of range.", $"Use {expected}.");
        return fallback;
    }

    private TimeSpan Duration(string relative, TimeSpan fallback, Func<TimeSpan, bool> valid, string expected)
    {
        var key = S + relative;
        var value = _log.ReadOptional(key, config.GetTimeSpan, fallback, "a duration such as 30m");
        if (valid(value)) return value;
        _log.Report(key, $"{key} = {value} is out of range.", $"Use {expected}.");
        return fallback;
    }

    private double Share(string relative, double fallback, bool upperExclusive) =>
        Double(relative, fallback, v => v >= 0 && (upperExclusive ? v < 1 : v <= 1), upperExclusive ? "a share from 0 to below 1" : "a share from 0 to 1");

    private TimeOnly Time(string relative, TimeOnly fallback)
    {
        var key = S + relative;
        var text = _log.ReadOptional(key, config.GetString, fallback.ToString("HH:mm", CultureInfo.InvariantCulture), "a time HH:mm");
        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        _log.Report(key, $"{key} = \"{text}\" is not a time of day.", "Write it as HH:mm (24 hours), e.g. \"20:00\".");
        return fallback;
    }

    private DateOnly? Date(string relative, DateOnly? fallback)
    {
        var key = S + relative;
        var text = _log.ReadOptional(key, config.GetString, fallback?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", "a date yyyy-MM-dd");
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        _log.Report(key, $"{key} = \"{text}\" is not a date.", "Write it as yyyy-MM-dd, or \"\" for no bound.");
        return fallback;
    }

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
