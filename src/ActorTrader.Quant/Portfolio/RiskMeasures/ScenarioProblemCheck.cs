namespace ActorTrader.Quant.Portfolio.RiskMeasures;

/// <summary>
/// Input checks shared by the scenario optimisers: the scenario matrix, then the same asset and constraint checks as every
/// other optimiser (<see cref="ProblemValidation"/>); each failure names the method, the input and the fix.
/// </summary>
internal static class ScenarioProblemCheck
{
    public static void Validate(string method, PortfolioProblem problem, bool needsAlpha)
    {
        ProblemValidation.RequireAssets(method, problem);
        var returns = problem.Returns;
        if (returns.ColumnCount != problem.Count)
        {
            throw new OptimizationException($"{method}: Returns has {returns.ColumnCount} columns for {problem.Count} assets; pass one column per asset.");
        }
        if (returns.RowCount < 2)
        {
            throw new OptimizationException($"{method}: Returns has {returns.RowCount} periods; scenario risk needs at least 2 (use a longer history).");
        }
        for (var t = 0; t < returns.RowCount; t++)
        {
            for (var i = 0; i < returns.ColumnCount; i++)
            {
                if (!double.IsFinite(returns[t, i]))
                {
                    throw new OptimizationException($"{method}: return of {problem.Assets[i]} in period {t} is {returns[t, i]}; drop or fill missing prices first.");
                }
            }
        }
        ProblemValidation.ValidateConstraints(method, problem);
        var alpha = problem.Constraints.Alpha;
        if (needsAlpha && !(alpha > 0 && alpha < 1))
        {
            throw new OptimizationException($"{method}: Constraints.Alpha is {alpha}; it must lie in (0, 1), e.g. 0.05.");
        }
    }
}
