using System.Globalization;
using ActorTrader.Backtest.Market;
using ActorTrader.Backtest.Rebalancing;
using ActorTrader.Backtest.Weights;
using ActorTrader.Quant.Estimators;
using ActorTrader.Quant.Portfolio;
using ActorTrader.Quant.Returns;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Backtest.Allocation;

/// <summary>
/// Weights from a portfolio optimiser (an "engine": hrp, min-vol, …), re-optimised at every rebalance bar on the
/// trailing <c>lookback</c> returns that end at that bar's close — known at the decision, nothing later. The candidates
/// at a bar are the symbols allowed by <c>candidates</c> (all when null) that have a real return on every bar of the
/// window. μ is the annualised arithmetic mean, Σ the annualised sample covariance repaired to positive semidefinite;
/// constraints long-only and fully invested unless given. No candidate: flat. One: all in it. Between rebalance bars the
/// last weights are repeated (the simulators read only rebalance rows). An optimiser failure is re-thrown naming the
/// engine and the bar.
/// </summary>
public static class EngineAllocation
{
    public static WeightsSchedule Weights(IPortfolioOptimizer engine, ReturnsMatrix returns, RebalanceSchedule rebalance, int lookback,
        Func<int, int, bool>? candidates = null, PortfolioConstraints? constraints = null, double periodsPerYear = PeriodsPerYear.TradingDays)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(rebalance);
        ArgumentOutOfRangeException.ThrowIfLessThan(lookback, 2);
        constraints ??= PortfolioConstraints.LongOnly;
        int n = returns.SymbolCount, bars = returns.TimeCount;
        var flat = new double[bars * n];
        // The mask of an all-zero schedule is exactly the calendar mask (only "once" looks at weights, and it is refused below).
        if (rebalance.Frequency == RebalanceFrequency.Once)
            throw new ArgumentException("An engine allocation re-optimises at every rebalance; \"once\" has no schedule to follow. Use daily, weekly, monthly or every-N-bars.", nameof(rebalance));
        var mask = rebalance.Mask(WeightsSchedule.FromValues(returns.Symbols, returns.Times, flat));
        var held = new double[n];
        for (var t = 0; t < bars; t++)
        {
            if (mask[t] && t + 1 >= lookback) held = Optimise(engine, returns, t, lookback, candidates, constraints, periodsPerYear);
            held.CopyTo(flat, t * n);
        }
        return WeightsSchedule.FromValues(returns.Symbols, returns.Times, flat);
    }

    private static double[] Optimise(IPortfolioOptimizer engine, ReturnsMatrix returns, int t, int lookback,
        Func<int, int, bool>? candidates, PortfolioConstraints constraints, double periodsPerYear)
    {
        var n = returns.SymbolCount;
        var first = t - lookback + 1;
        var chosen = new List<int>();
        for (var s = 0; s < n; s++)
        {
            if (candidates is not null && !candidates(t, s)) continue;
            var complete = true;
            for (var r = first; r <= t && complete; r++) complete = returns.IsObserved(r, s);
            if (complete) chosen.Add(s);
        }
        var weights = new double[n];
        if (chosen.Count == 0) return weights;
        if (chosen.Count == 1)
        {
            weights[chosen[0]] = 1;
            return weights;
        }
        var window = Matrix<double>.Build.Dense(lookback, chosen.Count, (r, c) => returns[first + r, chosen[c]]);
        var problem = new PortfolioProblem(
            [.. chosen.Select(s => returns.Symbols[s].ToString())],
            window,
            ExpectedReturns.Arithmetic(window, periodsPerYear),
            NearestPositiveSemidefinite.Repair(SampleCovariance.Estimate(window, periodsPerYear)),
            constraints);
        PortfolioWeights result;
        try
        {
            result = engine.Optimize(problem);
        }
        catch (Exception e) when (e is OptimizationException or ArgumentException or InvalidOperationException or ArithmeticException)
        {
            throw new OptimizationException(
                $"Engine {engine.Name} failed at {returns.Times[t].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (bar {t}, {chosen.Count} assets, {lookback}-bar lookback): {e.Message}", e);
        }
        for (var c = 0; c < chosen.Count; c++) weights[chosen[c]] = result.Weights[c];
        return weights;
    }
}
