using ActorTrader.Quant.Solvers.Lp;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Portfolio.RiskMeasures;

/// <summary>
/// Adds a risk measure's exact LP epigraph to a program, with the risk as the objective, over weight variables v that
/// may be the weights themselves or their positively scaled copies (Sharpe, risk budgeting): every formulation is
/// positively homogeneous in (v, auxiliaries), as in Riskfolio-Lib's Portfolio.optimization():
/// <list type="bullet">
/// <item>MAD: (2/T)Σdₜ, dₜ ≥ 0, dₜ ≥ −(rₜ − r̄)·v (the semi-deviation form; twice it is the full MAD).</item>
/// <item>CVaR: VaR + Σzₜ/(αT), zₜ ≥ 0, zₜ ≥ −rₜ·v − VaR.</item>
/// <item>Drawdowns: Uₜ ≥ 0, Uₜ ≥ Uₜ₋₁ − rₜ·v, U₀ = 0 (uncompounded); MDD = max Uₜ, CDaR = DaR + Σ(Uₜ − DaR)⁺/(αT).</item>
/// </list>
/// VaR gets the valid lower bound −max|r|·gross (written VaR = q − K·s with q ≥ 0 in the scaled forms): it keeps the LP
/// free of free columns, whose elimination is the least accurate part of the interior-point solve.
/// </summary>
internal static class RiskObjective
{
    /// <param name="scale">The scale variable s of scaled weights (null when the variables are the weights).</param>
    /// <param name="grossPerScale">An upper bound on Σ|vᵢ| (per unit of s); +∞ when unknown.</param>
    /// <param name="objectiveScale">Positive factor on the risk (keeps the solution of unit size in risk budgeting).</param>
    public static void Add(LinearProgram lp, RiskMeasure measure, Matrix<double> returns, IReadOnlyList<int> weights, double alpha,
        int? scale = null, double grossPerScale = double.PositiveInfinity, double objectiveScale = 1.0)
    {
        var (t, n) = (returns.RowCount, returns.ColumnCount);
        var vars = new int[n + 3];
        var coefs = new double[n + 3];
        for (var i = 0; i < n; i++) vars[i] = weights[i];
        switch (measure)
        {
            case RiskMeasure.MeanAbsoluteDeviation:
            {
                var mean = returns.ColumnSums() / t;
                for (var s = 0; s < t; s++)
                {
                    for (var i = 0; i < n; i++) coefs[i] = returns[s, i] - mean[i];
                    vars[n] = lp.AddVariable($"shortfall[{s}]", 2.0 * objectiveScale / t);
                    coefs[n] = 1;
                    lp.AddConstraint($"shortfall[{s}]", vars.AsSpan(0, n + 1), coefs.AsSpan(0, n + 1), ConstraintRelation.GreaterOrEqual, 0);
                }
                break;
            }
            case RiskMeasure.ConditionalValueAtRisk:
            {
                var bound = returns.Enumerate().Max(Math.Abs) * grossPerScale;
                var shifted = scale is not null && double.IsFinite(bound);
                var valueAtRisk = lp.AddVariable("VaR", objectiveScale, shifted ? 0.0 : -bound);
                if (shifted) lp.AddCost(scale!.Value, -bound * objectiveScale);
                var count = shifted ? n + 3 : n + 2;
                for (var s = 0; s < t; s++)
                {
                    for (var i = 0; i < n; i++) coefs[i] = returns[s, i];
                    vars[n] = lp.AddVariable($"excess-loss[{s}]", objectiveScale / (alpha * t));
                    vars[n + 1] = valueAtRisk;
                    coefs[n] = coefs[n + 1] = 1;
                    if (shifted) (vars[n + 2], coefs[n + 2]) = (scale!.Value, -bound);
                    lp.AddConstraint($"excess-loss[{s}]", vars.AsSpan(0, count), coefs.AsSpan(0, count), ConstraintRelation.GreaterOrEqual, 0);
                }
                break;
            }
            case RiskMeasure.ConditionalDrawdownAtRisk:
            case RiskMeasure.MaxDrawdown:
            {
                var drawdowns = AddDrawdowns(lp, returns, vars, coefs);
                var isMax = measure == RiskMeasure.MaxDrawdown;
                var level = lp.AddVariable(isMax ? "MDD" : "DaR", objectiveScale);
                for (var s = 0; s < t; s++)
                {
                    if (isMax)
                    {
                        lp.AddConstraint($"mdd[{s}]", [level, drawdowns[s]], [1.0, -1.0], ConstraintRelation.GreaterOrEqual, 0);
                        continue;
                    }
                    var excess = lp.AddVariable($"excess-drawdown[{s}]", objectiveScale / (alpha * t));
                    lp.AddConstraint($"excess-drawdown[{s}]", [excess, drawdowns[s], level], [1.0, -1.0, 1.0], ConstraintRelation.GreaterOrEqual, 0);
                }
                break;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(measure), measure, "Unknown risk measure.");
        }
    }

    /// <summary>Uₜ ≥ 0 with Uₜ − Uₜ₋₁ + rₜ·v ≥ 0 (U₀ = 0): at the optimum Uₜ is the drawdown of the cumulative sum.</summary>
    private static int[] AddDrawdowns(LinearProgram lp, Matrix<double> returns, int[] vars, double[] coefs)
    {
        var (t, n) = (returns.RowCount, returns.ColumnCount);
        var drawdowns = new int[t];
        for (var s = 0; s < t; s++)
        {
            for (var i = 0; i < n; i++) coefs[i] = returns[s, i];
            drawdowns[s] = lp.AddVariable($"drawdown[{s}]", 0.0);
            vars[n] = drawdowns[s];
            coefs[n] = 1;
            var count = n + 1;
            if (s > 0)
            {
                vars[n + 1] = drawdowns[s - 1];
                coefs[n + 1] = -1;
                count++;
            }
            lp.AddConstraint($"drawdown[{s}]", vars.AsSpan(0, count), coefs.AsSpan(0, count), ConstraintRelation.GreaterOrEqual, 0);
        }
        return drawdowns;
    }
}
