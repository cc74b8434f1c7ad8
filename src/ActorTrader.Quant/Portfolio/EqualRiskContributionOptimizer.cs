using ActorTrader.Quant.Solvers.Qp;

namespace ActorTrader.Quant.Portfolio;

/// <summary>
/// Mean-variance risk parity / risk budgeting (<c>erc</c>): long-only weights whose risk contributions
/// wᵢ(Σw)ᵢ / wᵀΣw equal the budgets bᵢ (<see cref="PortfolioConstraints.RiskBudgets"/>, equal by default).
/// Solved by Newton's method on the strictly convex f(y) = ½yᵀΣy − Σ bᵢ ln yᵢ (Spinu 2013; Roncalli), whose
/// minimiser satisfies yᵢ(Σy)ᵢ = bᵢ; then w = B·y/Σy. Converges quadratically; contributions are verified to 1e-9.
/// Works with a singular Σ (the log barrier keeps the Hessian positive definite). Bounds and caps are checked, not
/// enforced (the risk-budgeting portfolio is unique).
/// </summary>
public sealed class EqualRiskContributionOptimizer : IPortfolioOptimizer
{
    private const int MaxIterations = 200;
    private const double ContributionTolerance = 1e-9;

    /// <inheritdoc />
    public string Name => "erc";

    /// <inheritdoc />
    public PortfolioWeights Optimize(PortfolioProblem problem)
    {
        ProblemValidation.Validate(Name, problem);
        var n = problem.Count;
        var sigma = MeanVarianceProgram.Quadratic(problem, 1.0);
        for (var i = 0; i < n; i++)
        {
            if (!(sigma[i * n + i] > 0)) throw new OptimizationException($"{Name}: {problem.Assets[i]} has zero variance, so it cannot carry a risk budget; remove it.");
        }
        var budgets = problem.Constraints.RiskBudgets?.ToArray() ?? Enumerable.Repeat(1.0, n).ToArray();
        var budgetSum = budgets.Sum();
        for (var i = 0; i < n; i++) budgets[i] /= budgetSum;

        var y = Solve(sigma, budgets, n);
        var total = y.Sum();
        var weights = y.Select(v => v / total * problem.Constraints.Budget).ToArray();
        VerifyContributions(problem, sigma, weights, budgets);
        return WeightFinisher.Finish(Name, problem, weights);
    }

    private double[] Solve(double[] sigma, double[] b, int n)
    {
        // Start from inverse-volatility scaled so that yᵀΣy = Σb = 1, where the optimum also lies.
        var y = new double[n];
        for (var i = 0; i < n; i++) y[i] = Math.Sqrt(b[i]) / Math.Sqrt(sigma[i * n + i]);
        var start = Math.Sqrt(Quadratic(sigma, y, n));
        for (var i = 0; i < n; i++) y[i] /= start;

        var gradient = new double[n];
        var sigmaY = new double[n];
        var hessian = new double[n * n];
        var step = new double[n];
        var candidate = new double[n];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            Multiply(sigma, y, sigmaY, n);
            var worst = 0.0;
            for (var i = 0; i < n; i++)
            {
                gradient[i] = sigmaY[i] - b[i] / y[i];
                worst = Math.Max(worst, Math.Abs(y[i] * sigmaY[i] - b[i]));
            }
            if (worst <= 1e-14) return y;
            Array.Copy(sigma, hessian, n * n);
            for (var i = 0; i < n; i++) hessian[i * n + i] += b[i] / (y[i] * y[i]);
            if (!DenseCholesky.TryFactor(hessian, n)) throw new OptimizationException($"{Name}: the Newton system is not positive definite; the covariance is not PSD.");
            for (var i = 0; i < n; i++) step[i] = -gradient[i];
            CholeskySolve(hessian, step, n);

            // Stay inside y > 0, then backtrack until f decreases enough (Armijo).
            var alpha = 1.0;
            for (var i = 0; i < n; i++)
            {
                if (step[i] < 0) alpha = Math.Min(alpha, -0.99 * y[i] / step[i]);
            }
            var f0 = Objective(sigma, b, y, n);
            var slope = 0.0;
            for (var i = 0; i < n; i++) slope += gradient[i] * step[i];
            // Near the optimum the full Newton step is taken: f changes below rounding there, so Armijo would stall.
            var nearOptimum = worst <= 1e-6;
            while (true)
            {
                for (var i = 0; i < n; i++) candidate[i] = y[i] + alpha * step[i];
                if (nearOptimum || Objective(sigma, b, candidate, n) <= f0 + 1e-4 * alpha * slope || alpha < 1e-12) break;
                alpha *= 0.5;
            }
            Array.Copy(candidate, y, n);
        }
        return y;
    }

    private void VerifyContributions(PortfolioProblem problem, double[] sigma, double[] w, double[] b)
    {
        var n = w.Length;
        var sigmaW = new double[n];
        Multiply(sigma, w, sigmaW, n);
        var variance = 0.0;
        for (var i = 0; i < n; i++) variance += w[i] * sigmaW[i];
        for (var i = 0; i < n; i++)
        {
            var contribution = w[i] * sigmaW[i] / variance;
            if (!(Math.Abs(contribution - b[i]) <= ContributionTolerance))
            {
                throw new OptimizationException($"{Name}: risk contribution of {problem.Assets[i]} is {contribution:G10}, not its budget {b[i]:G10}; Newton did not converge (is the covariance ill-conditioned?).");
            }
        }
    }

    private static double Objective(double[] sigma, double[] b, double[] y, int n)
    {
        var value = 0.5 * Quadratic(sigma, y, n);
        for (var i = 0; i < n; i++) value -= b[i] * Math.Log(y[i]);
        return value;
    }

    private static double Quadratic(double[] sigma, double[] y, int n)
    {
        var value = 0.0;
        for (var i = 0; i < n; i++) value += y[i] * DenseMath.Dot(sigma.AsSpan(i * n, n), y);
        return value;
    }

    private static void Multiply(double[] sigma, double[] y, double[] result, int n)
    {
        for (var i = 0; i < n; i++) result[i] = DenseMath.Dot(sigma.AsSpan(i * n, n), y);
    }

    /// <summary>Solves LLᵀx = rhs in place with the factor from <see cref="DenseCholesky"/>.</summary>
    private static void CholeskySolve(double[] l, double[] rhs, int n)
    {
        for (var i = 0; i < n; i++)
        {
            rhs[i] = (rhs[i] - DenseMath.Dot(l.AsSpan(i * n, i), rhs.AsSpan(0, i))) / l[i * n + i];
        }
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = rhs[i];
            for (var k = i + 1; k < n; k++) sum -= l[k * n + i] * rhs[k];
            rhs[i] = sum / l[i * n + i];
        }
    }
}
