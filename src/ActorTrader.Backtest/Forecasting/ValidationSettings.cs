namespace ActorTrader.Backtest.Forecasting;

/// <summary><c>actortrader.forecasting.validation</c>: walk-forward blocked cross-validation of the forecasting models.</summary>
/// <param name="Horizons">Forecast horizons in bars; each is scored on its own.</param>
/// <param name="Folds">Contiguous test blocks after the first <paramref name="MinimumTrain"/> bars; each is forecast by a fit on all bars before it.</param>
/// <param name="MinimumTrain">Bars of the first training window.</param>
/// <param name="Thresholds">Tier thresholds.</param>
public sealed record ValidationSettings(IReadOnlyList<int> Horizons, int Folds, int MinimumTrain, TierThresholds Thresholds)
{
    public static ValidationSettings Default { get; } = new([1, 5, 20], 5, 252, TierThresholds.Default);
}
