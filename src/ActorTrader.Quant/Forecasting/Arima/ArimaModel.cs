namespace ActorTrader.Quant.Forecasting.Arima;

/// <summary>
/// ARIMA/SARIMA on log prices with the order chosen by AIC over a bounded grid. Every order is fitted by conditional sum
/// of squares on the same conditioning start, so AICs compare like with like; candidates that did not converge or are
/// not stationary/invertible are discarded and their reasons kept in <see cref="IFittedModel.Notes"/>. When no
/// candidate is usable the fit fails with every reason listed.
/// </summary>
public sealed class ArimaModel(ArimaGrid? grid = null) : IForecastModel
{
    public const string ModelName = "arima";

    public ArimaGrid Grid { get; } = grid ?? new ArimaGrid();

    public string Name => ModelName;

    public string Version => "1";

    public IFittedModel Fit(ReadOnlySpan<double> logPrices, CancellationToken cancellationToken = default) => FitWith(logPrices, null, cancellationToken);

    /// <summary>SARIMAX: the grid search with exogenous regressors (one value per observation each).</summary>
    public FittedArima FitWith(ReadOnlySpan<double> series, IReadOnlyList<double[]>? exogenous, CancellationToken cancellationToken = default)
    {
        var orders = Grid.Orders().ToArray();
        var conditionOn = orders.Max(o => o.P + o.SeasonalP * Math.Max(o.Period, 1));
        ArimaCandidate? best = null;
        var notes = new List<string>();
        foreach (var order in orders)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ArimaCandidate candidate;
            try { candidate = ArimaEstimator.Fit(series, order, Grid.IncludeMean, exogenous, conditionOn, cancellationToken); }
            catch (ModelFitException e)
            {
                notes.Add($"ARIMA{order} discarded: {e.Message}");
                continue;
            }
            if (!candidate.Usable)
            {
                notes.Add($"ARIMA{order} discarded: {candidate.DiscardReason}");
                continue;
            }
            if (best is null || candidate.Aic < best.Aic) best = candidate;
        }
        if (best is null)
            throw new ModelFitException($"ARIMA: no order in the grid gave a usable fit ({string.Join("; ", notes)}). Fix: use a longer history or a smaller grid.");
        notes.Insert(0, $"ARIMA{best.Order} chosen by AIC {best.Aic:0.##} among {orders.Length} orders");
        return new FittedArima(Version, best, notes);
    }
}
