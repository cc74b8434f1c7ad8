namespace ActorTrader.Quant.Solvers.Lp;

/// <summary>Which <see cref="INormalEquations"/> the interior-point solver uses.</summary>
internal enum NormalEquationsStrategy
{
    /// <summary>Chosen by the program's structure and an operation-count estimate (the default).</summary>
    Automatic,

    /// <summary>The dense (envelope) normal matrix over all rows: <see cref="NormalEquations"/>.</summary>
    Dense,

    /// <summary>Dense columns split off and eliminated through their Schur complement: <see cref="DenseColumnNormalEquations"/>.</summary>
    DenseColumnSplit,
}
