using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Returns;

/// <summary>Input checks shared by the return-based estimators: NaN means missing, infinities are errors.</summary>
internal static class ReturnChecks
{
    public static void RequireFiniteOrMissing(Matrix<double> returns, string parameter)
    {
        ArgumentNullException.ThrowIfNull(returns, parameter);
        if (returns.ColumnCount == 0) throw new ArgumentException("The return matrix has no asset columns.", parameter);
        for (var c = 0; c < returns.ColumnCount; c++)
        {
            for (var r = 0; r < returns.RowCount; r++)
            {
                if (double.IsInfinity(returns[r, c]))
                {
                    throw new ArgumentException($"Return at row {r}, column {c} is infinite; check the price series for zeros or bad values.", parameter);
                }
            }
        }
    }

    public static bool HasMissing(Matrix<double> returns)
    {
        for (var c = 0; c < returns.ColumnCount; c++)
        {
            for (var r = 0; r < returns.RowCount; r++)
            {
                if (double.IsNaN(returns[r, c])) return true;
            }
        }
        return false;
    }
}
