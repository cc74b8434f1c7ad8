using System.Globalization;
using ActorTrader.Hocon;

namespace ActorTrader.Trading.Universe;

/// <summary>
/// <c>actortrader.backtest.walk-forward.universe { source = auto|features|none, min-history = 252, min-rating = off, min-close = 1.0 }</c>:
/// where a strategy backtest's universe comes from and the rules of the features-matrix universe. A missing key takes
/// its default; a bad value is a positioned problem and takes its default too.
/// </summary>
public sealed record UniverseSettings(UniverseSource Source, FeatureUniverseRules Rules)
{
    public const string Section = "actortrader.backtest.walk-forward.universe";

    private static readonly string[] SourceNames = ["auto", "features", "none"];
    private static readonly string[] OffWords = ["off", "none", "false", "no"];

    public static UniverseSettings Default { get; } = new(UniverseSource.Auto, new FeatureUniverseRules());

    /// <summary>The settings (defaults where values are missing or bad) and the problems found.</summary>
    public static (UniverseSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var problems = new List<ConfigProblem>();
        var d = Default;

        var sourceKey = Section + ".source";
        var source = d.Source;
        if (Text(config, sourceKey, problems) is { } sourceText)
        {
            var index = Array.IndexOf(SourceNames, sourceText.Trim().ToLowerInvariant());
            if (index >= 0) source = (UniverseSource)index;
            else problems.Add(ConfigProblem.At(config, sourceKey, $"{sourceKey} = \"{sourceText}\" is not one of {string.Join(", ", SourceNames)}.",
                $"Set {sourceKey} to auto (the features matrix when it exists), features or none."));
        }

        var historyKey = Section + ".min-history";
        var history = d.Rules.MinimumHistory;
        if (Text(config, historyKey, problems) is { } historyText)
        {
            if (int.TryParse(historyText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var h) && h >= 1) history = h;
            else problems.Add(ConfigProblem.At(config, historyKey, $"{historyKey} = \"{historyText}\" is not a whole number of at least 1.",
                $"Set {historyKey} to the feature rows (trading days) a symbol needs before it may be held, e.g. 252."));
        }

        var ratingKey = Section + ".min-rating";
        var rating = d.Rules.MinimumRating;
        if (Text(config, ratingKey, problems) is { } ratingText)
        {
            var trimmed = ratingText.Trim().ToLowerInvariant();
            if (OffWords.Contains(trimmed)) rating = null;
            else if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r is >= -1 and <= 1) rating = r;
            else problems.Add(ConfigProblem.At(config, ratingKey, $"{ratingKey} = \"{ratingText}\" is neither off nor a rating from -1 to 1.",
                $"Set {ratingKey} to off, or to the lowest rating_all a symbol may have (-1 strong sell … 1 strong buy), e.g. 0."));
        }

        var closeKey = Section + ".min-close";
        var close = d.Rules.MinimumClose;
        if (Text(config, closeKey, problems) is { } closeText)
        {
            if (double.TryParse(closeText, NumberStyles.Float, CultureInfo.InvariantCulture, out var c) && double.IsFinite(c) && c >= 0) close = c;
            else problems.Add(ConfigProblem.At(config, closeKey, $"{closeKey} = \"{closeText}\" is not a price of at least 0.",
                $"Set {closeKey} to the lowest last close a symbol may have, e.g. 1.0 (0 admits every price)."));
        }

        return (new UniverseSettings(source, new FeatureUniverseRules(history, rating, close)), problems);
    }

    /// <summary>The key's value as text, or null when it is absent (the default applies) or not a single value (a problem).</summary>
    private static string? Text(Config config, string key, List<ConfigProblem> problems)
    {
        if (!config.HasPath(key)) return null;
        try
        {
            return config.GetString(key);
        }
        catch (HoconException e)
        {
            problems.Add(ConfigProblem.At(config, key, $"{key} must be a single value: {ConfigProblem.Describe(e)}", $"Set {key} to a single value (see hocon/reference.conf)."));
            return null;
        }
    }
}
