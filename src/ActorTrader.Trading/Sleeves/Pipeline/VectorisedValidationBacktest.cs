using ActorTrader.Backtest.Market;
using ActorTrader.Backtest.Results;
using ActorTrader.Backtest.Vectorised;
using ActorTrader.Backtest.Weights;
using ActorTrader.Quant.Metrics;

namespace ActorTrader.Trading.Sleeves.Pipeline;

/// <summary>
/// The default validation backtest: the backtest's <see cref="VectorisedSimulator"/> trades the sleeve's weights every
/// bar (daily rebalance), paying <see cref="SleeveValidationInput.CostBps"/> on two-sided turnover. Before costs it
/// reproduces the in-sample stream; the gap is what trading the sleeve costs.
/// </summary>
public sealed class VectorisedValidationBacktest : ISleeveValidationBacktest
{
    public string Name => VectorisedSimulator.Name;

    public ValidationBacktestResult Run(SleeveValidationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        int bars = input.Times.Count, n = input.Assets.Count;
        var returns = new double[bars * n];
        var weights = new double[bars * n];
        for (var t = 0; t < bars; t++)
        {
            input.AssetReturns[t].CopyTo(returns, t * n);
            input.Weights[t].CopyTo(weights, t * n);
        }
        var matrix = ReturnsMatrix.FromValues(input.Assets, input.Times, returns);
        var schedule = WeightsSchedule.FromValues(input.Assets, input.Times, weights);
        var result = VectorisedSimulator.Run(matrix, schedule, new VectorisedOptions { CostBps = input.CostBps, PeriodsPerYear = input.PeriodsPerYear });
        var inSample = input.InSampleReturns.ToArray();
        var growth = 1.0;
        foreach (var r in inSample) growth *= 1 + r;
        return new ValidationBacktestResult(Name, input.CostBps, BacktestStatistics.From(input.RunId, result), growth - 1,
            inSample.Length >= 2 ? RiskAdjustedRatios.Sharpe(inSample, 0, input.PeriodsPerYear) : double.NaN,
            input.Times, result.Returns);
    }
}
