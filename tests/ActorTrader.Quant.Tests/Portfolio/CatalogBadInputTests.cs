using ActorTrader.Quant.Portfolio;
using ActorTrader.Quant.Returns;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Tests.Portfolio;

/// <summary>
/// Issue 7's bad-input acceptance, for every optimiser in <see cref="OptimizerCatalog.Default"/>: singular covariance
/// (duplicate columns), fewer observations than assets, NaN and infinite values from prices, infeasible bounds and
/// targets. Each either fails with an <see cref="OptimizationException"/> naming the cause, or returns finite weights
/// that meet the budget and bounds — never NaN weights, never an unexplained exception.
/// </summary>
public sealed class CatalogBadInputTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var method in OptimizerCatalog.Default.Names)
        {
            foreach (var input in BadInputs.Keys) data.Add(input, method);
        }
        return data;
    }

    // Each bad input, and the phrase an error about it must contain (null: an error is not expected to be specific).
    private static readonly Dictionary<string, (Func<PortfolioProblem> Build, string? MustFailWith, string? ErrorMentions)> BadInputs = new()
    {
        ["duplicate columns"] = (DuplicateColumn, null, "perfectly correlated"),
        ["fewer observations than assets"] = (() => TestProblems.Random(2, 30, days: 20), null, "only 20 return observations for 30 assets"),
        ["NaN price"] = (MissingPrice, null, "A001"),
        ["infinite return"] = (InfiniteReturn, "return of A003 in period 7", null),
        ["bounds below the budget"] = (() => TestProblems.Random(4, 5, constraints: new PortfolioConstraints { UpperBound = 0.1, Target = 0.1 }), "cannot sum to the budget", null),
        ["lower bounds above the budget"] = (() => TestProblems.Random(4, 5, constraints: new PortfolioConstraints { LowerBound = 0.3, Target = 0.1 }), "cannot sum to the budget", null),
        ["unattainable target"] = (() => TestProblems.Random(5, 5, constraints: new PortfolioConstraints { Target = 1e3 }), null, "target"),
        ["bounds inverted"] = (() => TestProblems.Random(6, 5, constraints: new PortfolioConstraints { LowerBound = 0.5, UpperBound = 0.1 }), "lower bound must be finite and not above the upper", null),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_gives_a_clear_error_or_valid_weights_never_nan(string input, string method)
    {
        var (build, mustFailWith, errorMentions) = BadInputs[input];
        var problem = WithAttainableTarget(build(), method);
        PortfolioWeights weights;
        try
        {
            weights = OptimizerCatalog.Default.Get(method).Optimize(problem);
        }
        catch (OptimizationException e)
        {
            var phrase = mustFailWith ?? errorMentions ?? "";
            Assert.True(e.Message.StartsWith(method + ":", StringComparison.Ordinal) && e.Message.Contains(phrase, StringComparison.Ordinal),
                $"{method} on \"{input}\" failed with \"{e.Message}\"; expected the method name and \"{phrase}\".");
            return;
        }
        Assert.True(mustFailWith is null, $"{method} accepted \"{input}\" and returned [{string.Join(", ", weights.Weights)}]; expected an error containing \"{mustFailWith}\".");
        Assert.All(weights.Weights, w => Assert.True(double.IsFinite(w), $"{method} returned a non-finite weight for \"{input}\"."));
        Assert.Equal(problem.Constraints.Budget, weights.Weights.Sum(), 9);
        for (var i = 0; i < problem.Count; i++)
        {
            var (lower, upper) = problem.Constraints.BoundsOf(i);
            Assert.InRange(weights.Weights[i], lower - 1e-9, upper + 1e-9);
        }
    }

    // The target methods need a target; give them one they can reach so the bad input, not the target, is under test.
    private static PortfolioProblem WithAttainableTarget(PortfolioProblem problem, string method)
    {
        if (problem.Constraints.Target is not null) return problem;
        double? target = method switch
        {
            "efficient-return" => problem.ExpectedReturns.Average(),
            "efficient-risk" => Enumerable.Range(0, problem.Count).Max(i => Math.Sqrt(problem.Covariance[i, i])),
            _ => null,
        };
        return problem with { Constraints = problem.Constraints with { Target = target } };
    }

    private static PortfolioProblem DuplicateColumn()
    {
        var returns = TestProblems.Random(1, 5).Returns;
        return TestProblems.FromReturns(returns.Append(returns.SubMatrix(0, returns.RowCount, 2, 1)), PortfolioConstraints.LongOnly);
    }

    // A price missing mid-history (a halt): the two returns around it are NaN, the estimators use pairwise periods.
    private static PortfolioProblem MissingPrice()
    {
        var returns = TestProblems.Random(3, 5).Returns;
        var prices = Matrix<double>.Build.Dense(returns.RowCount + 1, returns.ColumnCount, 100.0);
        for (var t = 0; t < returns.RowCount; t++)
        {
            for (var c = 0; c < returns.ColumnCount; c++) prices[t + 1, c] = prices[t, c] * (1 + returns[t, c]);
        }
        prices[250, 1] = double.NaN;
        return TestProblems.FromReturns(PriceReturns.Simple(prices), PortfolioConstraints.LongOnly);
    }

    // What a zero price followed by a real one would produce if it slipped past the price checks.
    private static PortfolioProblem InfiniteReturn()
    {
        var problem = TestProblems.Random(7, 5);
        var returns = problem.Returns.Clone();
        returns[7, 3] = double.PositiveInfinity;
        return problem with { Returns = returns };
    }
}
