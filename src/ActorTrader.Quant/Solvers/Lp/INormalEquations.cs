namespace ActorTrader.Quant.Solvers.Lp;

/// <summary>
/// The interior-point Newton system in normal-equations form: [M A_F; A_Fᵀ 0][dy; dx_F] = [g; h_F] with
/// M = A_N Θ A_Nᵀ over the bounded columns and A_F the free columns. Implementations differ only in how they exploit
/// the structure of A; <see cref="NormalEquationsChoice"/> picks one per program.
/// </summary>
internal interface INormalEquations
{
    /// <summary>The free columns, in column order (the order of <c>hFree</c> and <c>dxFree</c> in <see cref="Solve"/>).</summary>
    IReadOnlyList<int> FreeColumns { get; }

    /// <summary>Forms and factors the system for the bounded columns' Θⱼ = 1/Dⱼ (entries of free columns are ignored).</summary>
    void Factor(double[] theta);

    /// <summary>Overwrites <paramref name="g"/> with dy and fills <paramref name="dxFree"/> (one entry per free column).</summary>
    void Solve(double[] g, double[] hFree, double[] dxFree);
}
