namespace ActorTrader.Quant.Returns;

/// <summary>
/// Annualisation constants: how many return periods make a year. Every estimator takes the number as a parameter,
/// so any other frequency (e.g. 6.5 × 252 hourly bars) is one argument away.
/// <para>
/// The library's one convention: inputs are periodic returns; estimators (<see cref="ExpectedReturns"/>, the
/// covariance estimators) and metrics annualise by <c>periodsPerYear</c> (means × P, variances × P, volatilities × √P,
/// CAGR compounded); parameters that are annual rates say so in their name (<c>riskFreePerYear</c>,
/// <c>minimumAcceptablePerYear</c>) and are turned into per-period rates by dividing by P; per-period parameters say
/// <c>PerPeriod</c>. Optimisers take μ, Σ and <c>RiskFreeRate</c> in whatever one periodicity the caller chose (the
/// CLI uses annualised), while scenario risk (CVaR, CDaR, MAD) is always measured on the periodic returns.
/// </para>
/// </summary>
public static class PeriodsPerYear
{
    /// <summary>Daily bars of an exchange-traded asset (the PyPortfolioOpt and Riskfolio default, and the default of every metric).</summary>
    public const double TradingDays = 252;

    /// <summary>Daily bars of an asset that trades every day (crypto).</summary>
    public const double CalendarDays = 365;

    /// <summary>Weekly bars.</summary>
    public const double Weeks = 52;

    /// <summary>Monthly bars.</summary>
    public const double Months = 12;

    /// <summary>The one validation of a periods-per-year argument, shared by every estimator and metric.</summary>
    internal static void Require(double periodsPerYear, string paramName = "periodsPerYear")
    {
        if (!(periodsPerYear > 0) || !double.IsFinite(periodsPerYear))
        {
            throw new ArgumentOutOfRangeException(paramName, periodsPerYear, "Periods per year must be a positive finite number (252 trading days, 365 for crypto).");
        }
    }
}
