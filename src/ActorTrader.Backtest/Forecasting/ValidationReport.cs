namespace ActorTrader.Backtest.Forecasting;

/// <summary>The result of one validation run: every model at every horizon, with the data and settings it used.</summary>
/// <param name="GeneratedAt">When the run finished (UTC).</param>
/// <param name="Symbols">Symbols validated on.</param>
/// <param name="From">First bar of the data (UTC).</param>
/// <param name="To">Last bar of the data (UTC).</param>
/// <param name="Settings">Horizons, folds, training window and thresholds used.</param>
/// <param name="Results">One row per model and horizon.</param>
public sealed record ValidationReport(
    DateTime GeneratedAt,
    IReadOnlyList<string> Symbols,
    DateTime? From,
    DateTime? To,
    ValidationSettings Settings,
    IReadOnlyList<ModelValidation> Results)
{
    /// <summary>The row of <paramref name="model"/> at <paramref name="horizon"/>, or null when it was not validated.</summary>
    public ModelValidation? Find(string model, int horizon) =>
        Results.FirstOrDefault(r => r.Horizon == horizon && string.Equals(r.Model, model, StringComparison.Ordinal));

    /// <summary>True when <paramref name="model"/> at <paramref name="version"/> was validated GREEN at <paramref name="horizon"/>.</summary>
    public bool IsGreen(string model, string version, int horizon) =>
        Find(model, horizon) is { Tier: ValidationTier.Green } row && string.Equals(row.Version, version, StringComparison.Ordinal);
}
