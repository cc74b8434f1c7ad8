using ActorTrader.Hocon;
using ActorTrader.Quant.Forecasting;

namespace ActorTrader.Backtest.Forecasting;

/// <summary>
/// <c>actortrader.forecasting</c>: which models run, how the model runner bounds them, how forecasts are validated and
/// whether (and from which models) forecast signals are routed to strategies.
/// </summary>
/// <param name="Models">Enabled models by name (<see cref="ForecastModels.Names"/>).</param>
/// <param name="Horizon">Bars ahead of the runner's signals.</param>
/// <param name="History">Most recent bars each model is fitted on.</param>
/// <param name="MaxParallel">Most model fits the runner has under way at once.</param>
/// <param name="ModelTimeout">A model fit and forecast taking longer is abandoned and reported; the others go on.</param>
/// <param name="RouterEnabled">Feature flag: forecast signals reach strategies only when on.</param>
/// <param name="Primary">The time-series model whose signals are preferred.</param>
/// <param name="Fallbacks">Tried in order when the primary has no GREEN validation or no signal.</param>
/// <param name="Validation">Walk-forward validation settings.</param>
public sealed record ForecastingSettings(
    IReadOnlyList<string> Models,
    int Horizon,
    int History,
    int MaxParallel,
    TimeSpan ModelTimeout,
    bool RouterEnabled,
    string Primary,
    IReadOnlyList<string> Fallbacks,
    ValidationSettings Validation)
{
    public const string Section = "actortrader.forecasting";

    public static ForecastingSettings Default { get; } = new(
        ForecastModels.Names, 5, 756, 4, TimeSpan.FromSeconds(30), false, "arima", ["ssa", "holt-winters"], ValidationSettings.Default);

    /// <summary>Reads the section; each bad value is reported with its key and fix and replaced by its default.</summary>
    public static (ForecastingSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var log = new ConfigProblemLog(config);
        var d = Default;
        var models = ModelList("models", d.Models, allowEmpty: false);
        var horizon = Whole("horizon", d.Horizon, 1, 250);
        var history = Whole("history", d.History, 60, 100_000);
        var parallel = Whole("runner.max-parallel", d.MaxParallel, 1, 256);
        var timeout = log.ReadOptional($"{Section}.runner.model-timeout", config.GetTimeSpan, d.ModelTimeout, "a duration such as 30s");
        if (timeout <= TimeSpan.Zero)
        {
            log.Report($"{Section}.runner.model-timeout", $"{Section}.runner.model-timeout must be a positive duration.", "Set it to e.g. 30s.");
            timeout = d.ModelTimeout;
        }
        var routerEnabled = log.ReadOptional($"{Section}.router.enabled", config.GetBoolean, d.RouterEnabled, "on or off");
        var primary = ModelList("router.primary", [d.Primary], allowEmpty: false, single: true)[0];
        var fallbacks = ModelList("router.fallbacks", d.Fallbacks, allowEmpty: true);

        var v = ValidationSettings.Default;
        var horizons = Horizons("validation.horizons", v.Horizons);
        var folds = Whole("validation.folds", v.Folds, 1, 50);
        var minTrain = Whole("validation.min-train", v.MinimumTrain, 30, 100_000);
        var t = v.Thresholds;
        var thresholds = new TierThresholds(
            Whole("validation.min-forecasts", t.MinimumForecasts, 2, 10_000_000),
            Share("validation.green.max-dm-p-value", t.GreenMaxDmPValue),
            Share("validation.green.min-hit-rate", t.GreenMinHitRate),
            Number("validation.green.min-sharpe", t.GreenMinSharpe),
            Share("validation.yellow.max-dm-p-value", t.YellowMaxDmPValue),
            Share("validation.yellow.min-hit-rate", t.YellowMinHitRate),
            Number("validation.yellow.min-sharpe", t.YellowMinSharpe));
        if (thresholds.YellowMaxDmPValue < thresholds.GreenMaxDmPValue || thresholds.YellowMinHitRate > thresholds.GreenMinHitRate || thresholds.YellowMinSharpe > thresholds.GreenMinSharpe)
        {
            log.Report($"{Section}.validation.yellow", $"{Section}.validation.yellow is stricter than validation.green, so no model could be YELLOW without being GREEN.",
                "Make yellow's max-dm-p-value at least green's and its min-hit-rate and min-sharpe at most green's.");
            thresholds = t;
        }
        var validation = new ValidationSettings(horizons, folds, minTrain, thresholds);
        return (new ForecastingSettings(models, horizon, history, parallel, timeout, routerEnabled, primary, fallbacks, validation), log.Problems);

        int Whole(string key, int fallback, int min, int max)
        {
            var value = log.ReadOptional($"{Section}.{key}", config.GetInt, fallback, "a whole number");
            if (value >= min && value <= max) return value;
            log.Report($"{Section}.{key}", $"{Section}.{key} = {value} is outside {min}..{max}.", $"Set it to e.g. {fallback}.");
            return fallback;
        }

        double Share(string key, double fallback)
        {
            var value = log.ReadOptional($"{Section}.{key}", config.GetDouble, fallback, "a number between 0 and 1");
            if (value is >= 0 and <= 1) return value;
            log.Report($"{Section}.{key}", $"{Section}.{key} = {value} is not between 0 and 1.", $"Set it to e.g. {fallback}.");
            return fallback;
        }

        double Number(string key, double fallback)
        {
            var value = log.ReadOptional($"{Section}.{key}", config.GetDouble, fallback, "a number");
            if (double.IsFinite(value)) return value;
            log.Report($"{Section}.{key}", $"{Section}.{key} is not a finite number.", $"Set it to e.g. {fallback}.");
            return fallback;
        }

        IReadOnlyList<int> Horizons(string key, IReadOnlyList<int> fallback)
        {
            var text = log.ReadOptional($"{Section}.{key}", config.GetStringList, fallback.Select(h => h.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(), "a list of bar counts such as [1, 5, 20]");
            var values = new List<int>();
            foreach (var item in text)
            {
                if (int.TryParse(item, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var h) && h is >= 1 and <= 250) values.Add(h);
                else
                {
                    log.Report($"{Section}.{key}", $"{Section}.{key} holds \"{item}\", which is not a horizon of 1..250 bars.", "Set it to e.g. [1, 5, 20].");
                    return fallback;
                }
            }
            if (values.Count > 0) return values.Distinct().Order().ToArray();
            log.Report($"{Section}.{key}", $"{Section}.{key} is empty.", "Set it to e.g. [1, 5, 20].");
            return fallback;
        }

        IReadOnlyList<string> ModelList(string key, IReadOnlyList<string> fallback, bool allowEmpty, bool single = false)
        {
            IReadOnlyList<string> names = single
                ? [log.ReadOptional($"{Section}.{key}", config.GetString, fallback[0], "a model name")]
                : log.ReadOptional($"{Section}.{key}", config.GetStringList, fallback, "a list of model names");
            var unknown = names.Where(n => !ForecastModels.Names.Contains(n)).ToArray();
            if (unknown.Length > 0)
            {
                log.Report($"{Section}.{key}", $"{Section}.{key} names unknown model(s) {string.Join(", ", unknown)}.", $"Use the known models: {string.Join(", ", ForecastModels.Names)}.");
                return fallback;
            }
            if (names.Count == 0 && !allowEmpty)
            {
                log.Report($"{Section}.{key}", $"{Section}.{key} is empty.", $"Name at least one of {string.Join(", ", ForecastModels.Names)}.");
                return fallback;
            }
            return names.Distinct().ToArray();
        }
    }
}
