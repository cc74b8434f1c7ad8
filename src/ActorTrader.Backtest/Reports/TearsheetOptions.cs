namespace ActorTrader.Backtest.Reports;

/// <summary>How a tearsheet is computed and drawn; the defaults suit daily bars.</summary>
public sealed record TearsheetOptions
{
    /// <summary>Bars in each rolling Sharpe window (63 ≈ one quarter of trading days).</summary>
    public int RollingSharpeWindow { get; init; } = 63;

    /// <summary>Assets drawn individually in the weights chart (largest mean |weight| first); the rest are summed as "other".</summary>
    public int TopAssets { get; init; } = 8;

    /// <summary>Annual risk-free rate for the Sharpe ratios (also the Sortino target), as a fraction.</summary>
    public double RiskFreePerYear { get; init; }

    /// <summary>Confidence of the VaR and CVaR figures.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>Throws <see cref="ArgumentException"/> naming the option and the fix.</summary>
    public void Validate()
    {
        if (RollingSharpeWindow < 2)
            throw new ArgumentException($"RollingSharpeWindow is {RollingSharpeWindow}; a Sharpe ratio needs a window of at least 2 bars (63 ≈ a quarter of days).", nameof(RollingSharpeWindow));
        if (TopAssets < 1)
            throw new ArgumentException($"TopAssets is {TopAssets}; draw at least 1 asset.", nameof(TopAssets));
        if (!double.IsFinite(RiskFreePerYear))
            throw new ArgumentException($"RiskFreePerYear is {RiskFreePerYear}; pass a finite annual rate such as 0.02.", nameof(RiskFreePerYear));
        if (!(Confidence > 0 && Confidence < 1))
            throw new ArgumentException($"Confidence is {Confidence}; pass a value strictly between 0 and 1 such as 0.95.", nameof(Confidence));
    }
}
