namespace ActorTrader.Quant.Solvers.Lp;

/// <summary>
/// Picks the <see cref="INormalEquations"/> for a program: the dense-column split when the structure allows it and
/// the operation count is at most half the dense path's (scenario LPs: 100× fewer), else the dense path.
/// </summary>
internal static class NormalEquationsChoice
{
    private const double RequiredGain = 2.0;

    public static INormalEquations Create(StandardForm form, NormalEquationsStrategy strategy)
    {
        if (strategy == NormalEquationsStrategy.Dense) return new NormalEquations(form);
        var split = DenseColumnSplit.TryCreate(form);
        if (strategy == NormalEquationsStrategy.DenseColumnSplit)
        {
            return split is null
                ? throw new InvalidOperationException("The program has no dense columns to split off (or a row no column touches); use the dense normal equations.")
                : new DenseColumnNormalEquations(form, split);
        }
        return split is not null && RequiredGain * split.Operations <= DenseColumnSplit.DenseOperations(form)
            ? new DenseColumnNormalEquations(form, split)
            : new NormalEquations(form);
    }
}
