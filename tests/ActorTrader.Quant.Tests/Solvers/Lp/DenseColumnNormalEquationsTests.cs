using ActorTrader.Quant.Portfolio;
using ActorTrader.Quant.Portfolio.RiskMeasures;
using ActorTrader.Quant.Solvers.Lp;

namespace ActorTrader.Quant.Tests.Solvers.Lp;

public class DenseColumnNormalEquationsTests
{
    private const double WeightAgreement = 1e-7;
    private static readonly InteriorPointLpSolver DenseSolver = new(null, NormalEquationsStrategy.Dense);
    private static readonly InteriorPointLpSolver SplitSolver = new(null, NormalEquationsStrategy.DenseColumnSplit);

    public static TheoryData<RiskMeasure, int> MeasuresAndSeeds()
    {
        var data = new TheoryData<RiskMeasure, int>();
        foreach (var measure in Enum.GetValues<RiskMeasure>())
        {
            for (var seed = 1; seed <= 3; seed++) data.Add(measure, seed);
        }
        return data;
    }

    private static void AssertSameWeights((LinearProgram Program, int[] Weights) lp)
    {
        var dense = DenseSolver.Solve(lp.Program);
        var split = SplitSolver.Solve(lp.Program);
        foreach (var v in lp.Weights)
        {
            Assert.True(Math.Abs(dense.Values[v] - split.Values[v]) <= WeightAgreement,
                $"{lp.Program.Name}: {lp.Program.VariableName(v)} is {split.Values[v]:R} with the split, {dense.Values[v]:R} dense");
        }
        Assert.Equal(dense.Objective, split.Objective, 1e-9);
    }

    [Theory]
    [MemberData(nameof(MeasuresAndSeeds))]
    public void Minimum_risk_weights_agree_with_the_dense_path(RiskMeasure measure, int seed)
    {
        var problem = ScenarioLpCases.RandomProblem(seed, 90 + 20 * seed, 4 + 3 * seed, PortfolioConstraints.LongOnly with { UpperBound = 0.4 });

        AssertSameWeights(ScenarioLpCases.MinimumRisk(problem, measure));
    }

    [Theory]
    [MemberData(nameof(MeasuresAndSeeds))]
    public void Long_short_return_risk_ratio_optimum_has_the_dense_minimum_risk_at_its_return(RiskMeasure measure, int seed)
    {
        // Negative lower bounds make the scaled weights free columns, which only the split eliminates exactly (the dense
        // path's Schur complement needs A Θ Aᵀ over the bounded columns to be nonsingular). The ratio optimum w* must be
        // the least risky portfolio earning μ·w*, which the dense path finds from the direct, box-bounded LP.
        var constraints = PortfolioConstraints.LongOnly with { LowerBound = -0.2, UpperBound = 0.6, GroupCaps = [([0, 1], 0.5)] };
        var problem = ScenarioLpCases.RandomProblem(100 + seed, 80 + 25 * seed, 3 + 2 * seed, constraints);
        var ratio = ScenarioLpCases.ReturnRiskRatio(problem, measure);
        var scaled = SplitSolver.Solve(ratio.Program);
        var w = ratio.Weights.Select(v => scaled.Values[v]).ToArray();
        w = w.Select(x => x * problem.Constraints.Budget / w.Sum()).ToArray();
        var expectedReturn = w.Select((x, i) => x * problem.ExpectedReturns[i]).Sum();
        var direct = ScenarioLpCases.MinimumRisk(problem, measure);
        direct.Program.AddConstraint("return", direct.Weights, problem.ExpectedReturns.ToArray(), ConstraintRelation.GreaterOrEqual, expectedReturn);

        var minimum = DenseSolver.Solve(direct.Program);

        // Each solve may stop at 100× its 1e-10 relative gap (LpTolerances.AcceptableFactor), so objectives agree to ~1e-8.
        var risk = ScenarioRisk.Evaluate(measure, problem.Returns, w, problem.Constraints.Alpha);
        Assert.Equal(minimum.Objective, risk, 2e-8);
    }

    [Theory]
    [InlineData(RiskMeasure.MeanAbsoluteDeviation)]
    [InlineData(RiskMeasure.ConditionalValueAtRisk)]
    [InlineData(RiskMeasure.ConditionalDrawdownAtRisk)]
    public void Risk_budgeting_weights_agree_with_the_dense_path(RiskMeasure measure)
    {
        var problem = ScenarioLpCases.RandomProblem(7, 150, 8, PortfolioConstraints.LongOnly);

        AssertSameWeights(ScenarioLpCases.RiskBudgeting(problem, measure));
    }

    [Fact]
    public void Split_solves_the_same_newton_system_as_the_dense_normal_equations()
    {
        var problem = ScenarioLpCases.RandomProblem(3, 120, 10, PortfolioConstraints.LongOnly with { UpperBound = 0.3 });
        var form = StandardForm.From(ScenarioLpCases.MinimumRisk(problem, RiskMeasure.ConditionalDrawdownAtRisk).Program);
        var random = new Random(5);
        // Θ spread over 1e-4..1e4, as midway through an interior-point solve.
        var theta = Enumerable.Range(0, form.Columns).Select(_ => Math.Pow(10, 8 * random.NextDouble() - 4)).ToArray();
        var g = Enumerable.Range(0, form.Rows).Select(_ => random.NextDouble() - 0.5).ToArray();
        var dense = new NormalEquations(form);
        var split = new DenseColumnNormalEquations(form, DenseColumnSplit.TryCreate(form)!);
        var (dyDense, dySplit) = ((double[])g.Clone(), (double[])g.Clone());

        dense.Factor(theta);
        dense.Solve(dyDense, [], []);
        split.Factor(theta);
        split.Solve(dySplit, [], []);

        var scale = dyDense.Max(Math.Abs);
        for (var i = 0; i < dyDense.Length; i++) Assert.True(Math.Abs(dyDense[i] - dySplit[i]) <= 1e-9 * scale, $"dy[{i}]: {dySplit[i]:R} vs dense {dyDense[i]:R}");
    }

    [Fact]
    public void Split_with_free_columns_satisfies_the_bordered_newton_system()
    {
        var problem = ScenarioLpCases.RandomProblem(4, 120, 10, PortfolioConstraints.LongOnly with { LowerBound = -0.3 });
        var form = StandardForm.From(ScenarioLpCases.ReturnRiskRatio(problem, RiskMeasure.ConditionalValueAtRisk).Program);
        var random = new Random(6);
        var theta = Enumerable.Range(0, form.Columns).Select(_ => Math.Pow(10, 8 * random.NextDouble() - 4)).ToArray();
        var g = Enumerable.Range(0, form.Rows).Select(_ => random.NextDouble() - 0.5).ToArray();
        var split = new DenseColumnNormalEquations(form, DenseColumnSplit.TryCreate(form)!);
        Assert.NotEmpty(split.FreeColumns);
        var hFree = split.FreeColumns.Select(_ => random.NextDouble() - 0.5).ToArray();
        var (dy, dxFree) = ((double[])g.Clone(), new double[hFree.Length]);

        split.Factor(theta);
        split.Solve(dy, hFree, dxFree);

        // Residual of [A Θ Aᵀ A_F; A_Fᵀ 0][dy; dx_F] = [g; h_F], computed column by column from A itself.
        var residual = (double[])g.Clone();
        var free = 0;
        for (var c = 0; c < form.Columns; c++)
        {
            var aty = 0.0;
            for (var p = form.ColumnStart[c]; p < form.ColumnStart[c + 1]; p++) aty += form.Values[p] * dy[form.RowIndex[p]];
            var scaled = form.IsFree[c] ? dxFree[free] : theta[c] * aty;
            if (form.IsFree[c]) Assert.Equal(hFree[free++], aty, 1e-10);
            for (var p = form.ColumnStart[c]; p < form.ColumnStart[c + 1]; p++) residual[form.RowIndex[p]] -= form.Values[p] * scaled;
        }
        Assert.All(residual, r => Assert.True(Math.Abs(r) <= 1e-10, $"row residual {r:R}"));
    }

    [Fact]
    public void Scenario_lp_is_given_the_split_and_a_small_textbook_lp_the_dense_path()
    {
        var problem = ScenarioLpCases.RandomProblem(1, 200, 10, PortfolioConstraints.LongOnly);
        var scenario = StandardForm.From(ScenarioLpCases.MinimumRisk(problem, RiskMeasure.ConditionalValueAtRisk).Program);
        var textbook = new LinearProgram("wyndor");
        var x = textbook.AddVariable("x", -3);
        var y = textbook.AddVariable("y", -5);
        textbook.AddConstraint("plant3", [x, y], [3.0, 2.0], ConstraintRelation.LessOrEqual, 18);

        Assert.IsType<DenseColumnNormalEquations>(NormalEquationsChoice.Create(scenario, NormalEquationsStrategy.Automatic));
        Assert.IsType<NormalEquations>(NormalEquationsChoice.Create(StandardForm.From(textbook), NormalEquationsStrategy.Automatic));
    }

    [Fact]
    public void Drawdown_rows_are_ordered_into_a_narrow_band()
    {
        var problem = ScenarioLpCases.RandomProblem(2, 300, 5, PortfolioConstraints.LongOnly);
        var form = StandardForm.From(ScenarioLpCases.MinimumRisk(problem, RiskMeasure.ConditionalDrawdownAtRisk).Program);

        var split = DenseColumnSplit.TryCreate(form)!;

        // In the LP's own order each excess row sits 300 rows after its drawdown row; reordered they are neighbours.
        Assert.Equal(601, split.RowOrder.Length);
        Assert.All(Enumerable.Range(0, split.First.Length), p => Assert.InRange(p - split.First[p], 0, 3));
    }
}
