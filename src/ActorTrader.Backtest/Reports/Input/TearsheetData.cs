namespace ActorTrader.Backtest.Reports;

/// <summary>
/// Everything a tearsheet shows about one run: the portfolio's return per period on <see cref="Dates"/> (UTC, strictly
/// increasing; any offset is converted to UTC), how many periods make a year, and optionally a benchmark, the weights over
/// time, trade figures and free-form notes (engine, costs, data source). Returns are simple fractions (0.01 = +1%).
/// Call <see cref="Validate"/> (the writer does) to get an error naming the first problem and its fix.
/// </summary>
/// <param name="Title">Heading of the report, e.g. "Sleeve momentum — HRP".</param>
/// <param name="RunId">The run's id as text (e.g. <c>20261121T203000Z-3f9a1c</c>).</param>
/// <param name="Profile">Profile or sleeve name the run belongs to.</param>
/// <param name="Dates">End time of each period, UTC.</param>
/// <param name="Returns">Portfolio return of each period; finite and ≥ −1 (NaN is refused: drop or fill the period first).</param>
/// <param name="PeriodsPerYear">Annualisation constant, e.g. 252 for daily bars (see <c>ActorTrader.Quant.Returns.PeriodsPerYear</c>).</param>
public sealed record TearsheetData(
    string Title,
    string RunId,
    string Profile,
    IReadOnlyList<DateTimeOffset> Dates,
    IReadOnlyList<double> Returns,
    double PeriodsPerYear)
{
    /// <summary>Fewest periods the statistics accept (excess kurtosis needs four).</summary>
    public const int MinimumPeriods = 4;

    /// <summary>Benchmark return per period on the same <see cref="Dates"/>; null = no benchmark.</summary>
    public IReadOnlyList<double>? BenchmarkReturns { get; init; }

    /// <summary>How the benchmark is labelled (e.g. "SPY").</summary>
    public string BenchmarkName { get; init; } = "Benchmark";

    /// <summary>Signed asset weights over time (shorts negative); null = not shown.</summary>
    public WeightsHistory? Weights { get; init; }

    /// <summary>Number of trades (fills) in the run, when known.</summary>
    public int? TradeCount { get; init; }

    /// <summary>Turnover of the run as the caller measures it (a fraction of NAV, e.g. two-sided per year), when known.</summary>
    public double? Turnover { get; init; }

    /// <summary>Free-form facts shown as a key/value table (sorted by key in every output).</summary>
    public IReadOnlyDictionary<string, string> Notes { get; init; } = new Dictionary<string, string>();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first problem (which series, which date, which lengths) and the fix.</summary>
    public void Validate()
    {
        RequireText(Title, nameof(Title));
        RequireText(RunId, nameof(RunId));
        RequireText(Profile, nameof(Profile));
        RequireText(BenchmarkName, nameof(BenchmarkName));
        ArgumentNullException.ThrowIfNull(Dates, nameof(Dates));
        ArgumentNullException.ThrowIfNull(Returns, nameof(Returns));
        ArgumentNullException.ThrowIfNull(Notes, nameof(Notes));
        if (Returns.Count != Dates.Count)
            throw new ArgumentException($"Returns has {Returns.Count} values but Dates has {Dates.Count}; pass exactly one return per date.", nameof(Returns));
        if (Dates.Count < MinimumPeriods)
            throw new ArgumentException($"Dates has {Dates.Count} periods; a tearsheet needs at least {MinimumPeriods} to compute its statistics.", nameof(Dates));
        if (!(PeriodsPerYear > 0) || !double.IsFinite(PeriodsPerYear))
            throw new ArgumentException($"PeriodsPerYear is {PeriodsPerYear}; pass a positive number such as 252 for daily bars.", nameof(PeriodsPerYear));
        SeriesChecks.StrictlyIncreasing(Dates, nameof(Dates));
        SeriesChecks.ValidReturns(Returns, Dates, nameof(Returns));
        if (BenchmarkReturns is not null)
        {
            if (BenchmarkReturns.Count != Dates.Count)
                throw new ArgumentException($"BenchmarkReturns has {BenchmarkReturns.Count} values but Dates has {Dates.Count}; align the benchmark to the portfolio's dates.", nameof(BenchmarkReturns));
            SeriesChecks.ValidReturns(BenchmarkReturns, Dates, nameof(BenchmarkReturns));
        }
        Weights?.Validate();
        if (TradeCount is < 0)
            throw new ArgumentException($"TradeCount is {TradeCount}; pass a count of zero or more, or null when unknown.", nameof(TradeCount));
        if (Turnover is { } turnover && (!double.IsFinite(turnover) || turnover < 0))
            throw new ArgumentException($"Turnover is {turnover}; pass a finite fraction of zero or more, or null when unknown.", nameof(Turnover));
        foreach (var key in Notes.Keys)
        {
            if (string.IsNullOrWhiteSpace(key))
                throw new ArgumentException("Notes has an empty key; give every note a name (e.g. \"engine\").", nameof(Notes));
        }
    }

    private static void RequireText(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new ArgumentException($"{name} is empty; the report needs it in its heading and file contents.", name);
    }
}
