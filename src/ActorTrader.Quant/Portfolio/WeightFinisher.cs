namespace ActorTrader.Quant.Portfolio;

/// <summary>
/// The common last step: snap solver round-off at the bounds (≤ 1e-9) back onto them, put any residual of the
/// budget on the asset with most room, refuse weights that break a bound or group cap by more than round-off
/// (heuristics such as HRP ignore caps), and pass the stable-sum gate.
/// </summary>
internal static class WeightFinisher
{
    private const double RoundOff = 1e-9;
    private const double Violation = 1e-7;

    public static PortfolioWeights Finish(string method, PortfolioProblem problem, double[] weights)
    {
        var c = problem.Constraints;
        var n = problem.Count;
        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(weights[i]))
            {
                throw new OptimizationException($"{method}: weight of {problem.Assets[i]} is {weights[i]}; the input is ill-conditioned.");
            }
            var (lower, upper) = c.BoundsOf(i);
            if (weights[i] < lower - Violation || weights[i] > upper + Violation)
            {
                throw new OptimizationException(
                    $"{method}: weight {weights[i]:G6} of {problem.Assets[i]} is outside its bounds [{lower}, {upper}]; this method does not enforce bounds, use min-vol/efficient-return with caps instead.");
            }
            if (weights[i] < lower) weights[i] = lower;
            if (weights[i] > upper) weights[i] = upper;
        }
        var residual = c.Budget - weights.Sum();
        if (residual != 0 && Math.Abs(residual) <= RoundOff * Math.Max(1, n))
        {
            var best = -1;
            var room = 0.0;
            for (var i = 0; i < n; i++)
            {
                var (lower, upper) = c.BoundsOf(i);
                var available = residual > 0 ? upper - weights[i] : weights[i] - lower;
                if (available > room)
                {
                    room = available;
                    best = i;
                }
            }
            if (best >= 0 && room >= Math.Abs(residual)) weights[best] += residual;
        }
        for (var g = 0; g < c.GroupCaps.Count; g++)
        {
            var (assets, cap) = c.GroupCaps[g];
            var total = assets.Sum(i => weights[i]);
            if (total > cap + Violation)
            {
                throw new OptimizationException(
                    $"{method}: group {ProblemValidation.GroupName(problem, assets)} totals {total:G6}, above its cap {cap}; this method does not enforce group caps, use min-vol/efficient-return instead.");
            }
        }
        return StableSumGate.Check(new PortfolioWeights(method, problem.Assets, weights), c.Budget);
    }
}
