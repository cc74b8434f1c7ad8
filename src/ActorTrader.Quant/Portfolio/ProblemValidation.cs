using ActorTrader.Quant.Solvers.Qp;

namespace ActorTrader.Quant.Portfolio;

/// <summary>
/// Checks shared by the optimisers, run before any numerics so that bad input fails with a message naming the
/// asset or constraint instead of surfacing later as NaN weights or an opaque solver error.
/// </summary>
internal static class ProblemValidation
{
    /// <summary>Shapes, finiteness, symmetry, bounds against the budget, group caps and risk budgets.</summary>
    public static void Validate(string method, PortfolioProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var n = problem.Count;
        RequireAssets(method, problem);
        if (problem.ExpectedReturns.Count != n) throw new OptimizationException($"{method}: {problem.ExpectedReturns.Count} expected returns for {n} assets.");
        if (problem.Covariance.RowCount != n || problem.Covariance.ColumnCount != n)
        {
            throw new OptimizationException($"{method}: covariance is {problem.Covariance.RowCount}×{problem.Covariance.ColumnCount} for {n} assets.");
        }
        if (problem.Returns.RowCount > 0 && problem.Returns.ColumnCount != n)
        {
            throw new OptimizationException($"{method}: returns have {problem.Returns.ColumnCount} columns for {n} assets.");
        }
        // NaN is a missing return (HRP clusters pairwise); an infinite one is corrupt data (a zero or bad price).
        for (var c = 0; c < problem.Returns.ColumnCount; c++)
        {
            for (var t = 0; t < problem.Returns.RowCount; t++)
            {
                if (double.IsInfinity(problem.Returns[t, c]))
                {
                    throw new OptimizationException($"{method}: return of {problem.Assets[c]} in period {t} is {problem.Returns[t, c]}; check its prices for zeros or bad values.");
                }
            }
        }
        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(problem.ExpectedReturns[i]))
            {
                throw new OptimizationException($"{method}: expected return of {problem.Assets[i]} is {problem.ExpectedReturns[i]}; check its prices for gaps, zeros or too short a history.");
            }
            var variance = problem.Covariance[i, i];
            if (!double.IsFinite(variance) || variance < 0)
            {
                throw new OptimizationException($"{method}: variance of {problem.Assets[i]} is {variance}; check its prices.");
            }
            for (var j = 0; j < i; j++)
            {
                var a = problem.Covariance[i, j];
                var b = problem.Covariance[j, i];
                if (!double.IsFinite(a) || !double.IsFinite(b))
                {
                    throw new OptimizationException($"{method}: covariance of {problem.Assets[i]} and {problem.Assets[j]} is not finite.");
                }
                if (Math.Abs(a - b) > 1e-10 * (Math.Abs(a) + Math.Abs(b)) + 1e-300)
                {
                    throw new OptimizationException($"{method}: covariance is not symmetric at ({problem.Assets[i]}, {problem.Assets[j]}): {a} vs {b}.");
                }
            }
        }
        ValidateConstraints(method, problem);
    }

    /// <summary>
    /// Mean-variance optimisers need Σ positive definite. A singular Σ is reported with its likely cause (too few
    /// observations, duplicate or perfectly correlated assets) instead of being regularised silently.
    /// </summary>
    public static void RequirePositiveDefinite(string method, PortfolioProblem problem)
    {
        var n = problem.Count;
        var maxDiagonal = 0.0;
        for (var i = 0; i < n; i++) maxDiagonal = Math.Max(maxDiagonal, problem.Covariance[i, i]);
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) a[i * n + j] = problem.Covariance[i, j];
        }
        // Pivots below 1e-12 of the largest variance mean a (numerically) zero-variance portfolio exists.
        for (var i = 0; i < n; i++) a[i * n + i] -= 1e-12 * maxDiagonal;
        if (maxDiagonal > 0 && DenseCholesky.TryFactor(a, n)) return;
        var observations = problem.Returns.RowCount;
        if (observations > 0 && observations <= n)
        {
            throw new OptimizationException(
                $"{method}: only {observations} return observations for {n} assets, so the covariance is singular; use a longer history (more rows than assets) or a shrinkage estimator (--cov ledoit-wolf).");
        }
        for (var i = 0; i < n; i++)
        {
            if (problem.Covariance[i, i] <= 1e-12 * maxDiagonal)
            {
                throw new OptimizationException($"{method}: {problem.Assets[i]} has zero variance (constant price?); remove it or use a shrinkage estimator.");
            }
            for (var j = 0; j < i; j++)
            {
                var correlation = problem.Covariance[i, j] / Math.Sqrt(problem.Covariance[i, i] * problem.Covariance[j, j]);
                if (Math.Abs(correlation) > 1 - 1e-9)
                {
                    throw new OptimizationException(
                        $"{method}: {problem.Assets[j]} and {problem.Assets[i]} are perfectly correlated (duplicate columns?), so the covariance is singular; drop one of them or use a shrinkage estimator (--cov ledoit-wolf).");
                }
            }
        }
        throw new OptimizationException(
            $"{method}: the covariance is singular (some combination of assets has zero variance); drop collinear assets or use a shrinkage estimator (--cov ledoit-wolf).");
    }

    /// <summary>At least one asset and no duplicate names.</summary>
    public static void RequireAssets(string method, PortfolioProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.Count == 0) throw new OptimizationException($"{method}: the problem has no assets.");
        var duplicate = problem.Assets.GroupBy(a => a, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new OptimizationException($"{method}: asset \"{duplicate.Key}\" appears more than once; remove the duplicate column.");
    }

    /// <summary>Budget, bounds (finite, ordered, able to sum to the budget), group caps and risk budgets.</summary>
    public static void ValidateConstraints(string method, PortfolioProblem problem)
    {
        var c = problem.Constraints;
        var n = problem.Count;
        if (!double.IsFinite(c.Budget)) throw new OptimizationException($"{method}: budget is {c.Budget}.");
        foreach (var index in c.AssetBounds.Keys)
        {
            if (index < 0 || index >= n) throw new OptimizationException($"{method}: per-asset bounds name asset index {index}, outside 0..{n - 1}.");
        }
        double lowerSum = 0, upperSum = 0;
        for (var i = 0; i < n; i++)
        {
            var (lower, upper) = c.BoundsOf(i);
            if (!double.IsFinite(lower) || !double.IsFinite(upper) || lower > upper)
            {
                throw new OptimizationException($"{method}: bounds of {problem.Assets[i]} are [{lower}, {upper}]; the lower bound must be finite and not above the upper.");
            }
            lowerSum += lower;
            upperSum += upper;
        }
        const double slack = 1e-12;
        if (lowerSum > c.Budget + slack || upperSum < c.Budget - slack)
        {
            throw new OptimizationException(
                $"{method}: the bounds cannot sum to the budget {c.Budget}: lower bounds add up to {lowerSum:G6}, upper bounds to {upperSum:G6}; widen the bounds (e.g. upper ≥ {c.Budget / n:G4} for {n} assets).");
        }
        for (var g = 0; g < c.GroupCaps.Count; g++)
        {
            var (assets, cap) = c.GroupCaps[g];
            if (!double.IsFinite(cap)) throw new OptimizationException($"{method}: group cap {g} is {cap}.");
            var groupLower = 0.0;
            foreach (var index in assets)
            {
                if (index < 0 || index >= n) throw new OptimizationException($"{method}: group cap {g} names asset index {index}, outside 0..{n - 1}.");
                groupLower += c.BoundsOf(index).Lower;
            }
            if (groupLower > cap + slack)
            {
                throw new OptimizationException($"{method}: group cap {g} ({GroupName(problem, assets)}) is {cap} but the lower bounds of its assets add up to {groupLower:G6}; raise the cap or lower the bounds.");
            }
        }
        if (c.RiskBudgets is { } budgets && (budgets.Count != n || budgets.Any(b => !(b > 0) || !double.IsFinite(b))))
        {
            throw new OptimizationException($"{method}: risk budgets must be {n} positive finite numbers (one per asset); got {budgets.Count}.");
        }
    }

    public static string GroupName(PortfolioProblem problem, IReadOnlyList<int> assets) =>
        string.Join("+", assets.Take(5).Select(i => i >= 0 && i < problem.Count ? problem.Assets[i] : i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        + (assets.Count > 5 ? $"+{assets.Count - 5} more" : "");
}
