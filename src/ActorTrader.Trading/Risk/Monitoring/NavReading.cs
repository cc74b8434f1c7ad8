namespace ActorTrader.Trading.Risk.Monitoring;

/// <summary>
/// NAV now and the NAVs losses are measured against. <see cref="DayOpenNav"/> and <see cref="DayHighNav"/> are null
/// before the first <see cref="StartOfDay"/>; their measures are then not taken.
/// </summary>
public sealed record NavReading(decimal Nav, decimal PeakNav, decimal? DayOpenNav, decimal? DayHighNav)
{
    public decimal Drawdown => LossFrom(PeakNav) ?? 0m;

    /// <summary>Loss since the open (negative on a winning day).</summary>
    public decimal? DailyLoss => DayOpenNav is { } open ? LossFrom(open) : null;

    public decimal? IntradayDrawdown => DayHighNav is { } high ? LossFrom(high) : null;

    public decimal? Of(RiskMeasure measure) => measure switch
    {
        RiskMeasure.Drawdown => Drawdown,
        RiskMeasure.DailyLoss => DailyLoss,
        RiskMeasure.IntradayDrawdown => IntradayDrawdown,
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "Unknown risk measure."),
    };

    /// <summary>The reference NAV a measure is taken against.</summary>
    public decimal? ReferenceOf(RiskMeasure measure) => measure switch
    {
        RiskMeasure.Drawdown => PeakNav,
        RiskMeasure.DailyLoss => DayOpenNav,
        RiskMeasure.IntradayDrawdown => DayHighNav,
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "Unknown risk measure."),
    };

    // A reference at or below zero gives no meaningful fraction; nothing is measured against it.
    private decimal? LossFrom(decimal reference) => reference > 0m ? (reference - Nav) / reference : null;
}
