using ActorTrader.Quant.Statistics;

namespace ActorTrader.Backtest.Forecasting;

/// <summary>A hypothesis test's statistic and p-value as stored in the validation report.</summary>
public sealed record TestSummary(double Statistic, double PValue)
{
    public static TestSummary From(TestResult result) => new(result.Statistic, result.PValue);
}
