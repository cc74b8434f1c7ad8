namespace ActorTrader.Strategies.Pairs;

/// <summary>
/// Result of an Engle-Granger test of y on x: the cointegrating regression y = α + β·x + e, the ADF t-statistic of its
/// residuals and the critical value it is compared with. Cointegrated when the statistic is below the critical value.
/// </summary>
public sealed record CointegrationTest(
    double Alpha,
    double Beta,
    double AdfStatistic,
    double CriticalValue,
    int Observations,
    int Lags)
{
    public bool IsCointegrated => AdfStatistic < CriticalValue;
}
