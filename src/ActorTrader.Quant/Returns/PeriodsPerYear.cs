namespace ActorTrader.Quant.Returns;

/// <summary>
/// Annualisation constants: how many return periods make a year. Every estimator takes the number as a parameter,
/// so any other frequency (e.g. 6.5 × 252 hourly bars) is one argument away.
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
}
