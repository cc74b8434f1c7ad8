namespace ActorTrader.Backtest.Reports;

/// <summary>
/// Signed asset weights over time (fractions of NAV, shorts negative): one row per date in <see cref="Dates"/> (UTC,
/// strictly increasing; typically the rebalance dates), one value per asset in <see cref="Assets"/> in the same order.
/// </summary>
/// <param name="Dates">When each row of weights took effect.</param>
/// <param name="Assets">Asset names, unique (ordinal) and non-empty.</param>
/// <param name="Rows">Rows[t][i] = weight of Assets[i] from Dates[t]; finite (use 0 for no position).</param>
public sealed record WeightsHistory(
    IReadOnlyList<DateTimeOffset> Dates,
    IReadOnlyList<string> Assets,
    IReadOnlyList<IReadOnlyList<double>> Rows)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first problem (date, asset, lengths) and the fix.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Dates, nameof(Dates));
        ArgumentNullException.ThrowIfNull(Assets, nameof(Assets));
        ArgumentNullException.ThrowIfNull(Rows, nameof(Rows));
        if (Assets.Count == 0)
            throw new ArgumentException("Weights.Assets is empty; pass at least one asset name.", nameof(Assets));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Assets.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Assets[i]))
                throw new ArgumentException($"Weights.Assets[{i}] is empty; every asset needs a name.", nameof(Assets));
            if (!seen.Add(Assets[i]))
                throw new ArgumentException($"Weights.Assets names \"{Assets[i]}\" twice; merge its weights into one column.", nameof(Assets));
        }
        if (Rows.Count != Dates.Count)
            throw new ArgumentException($"Weights.Rows has {Rows.Count} rows but Weights.Dates has {Dates.Count}; pass exactly one row per date.", nameof(Rows));
        if (Dates.Count == 0)
            throw new ArgumentException("Weights has no dates; pass at least one row of weights, or no weights at all.", nameof(Dates));
        SeriesChecks.StrictlyIncreasing(Dates, "Weights.Dates");
        for (var t = 0; t < Rows.Count; t++)
        {
            var row = Rows[t] ?? throw new ArgumentException($"Weights row at {ReportFormat.Date(Dates[t])} is null; pass one value per asset.", nameof(Rows));
            if (row.Count != Assets.Count)
                throw new ArgumentException($"Weights row at {ReportFormat.Date(Dates[t])} has {row.Count} values but there are {Assets.Count} assets; pass one value per asset (0 for no position).", nameof(Rows));
            for (var i = 0; i < row.Count; i++)
            {
                if (!double.IsFinite(row[i]))
                    throw new ArgumentException($"Weight of {Assets[i]} at {ReportFormat.Date(Dates[t])} is {ReportFormat.Number(row[i])}; weights must be finite (0 for no position).", nameof(Rows));
            }
        }
    }
}
