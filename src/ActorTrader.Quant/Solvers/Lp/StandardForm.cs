using ActorTrader.Quant.Portfolio;

namespace ActorTrader.Quant.Solvers.Lp;

/// <summary>
/// The solver's internal form of a <see cref="LinearProgram"/>: min cᵀx − Σβⱼ ln xⱼ s.t. Ax = b, xⱼ ≥ 0 (or free),
/// xⱼ ≤ uⱼ where finite. Bounds are shifted to zero (upper-only variables are negated), fixed variables substituted,
/// inequality rows get slack columns, and rows/columns are equilibrated (Ruiz) so that returns of size 1e-2 and
/// budget rows of 1s are equally well conditioned. A is stored column-compressed with ascending row indices.
/// </summary>
internal sealed class StandardForm
{
    private const int EquilibrationPasses = 8;

    private StandardForm(int rows, int columns)
    {
        Rows = rows;
        Columns = columns;
        Rhs = new double[rows];
        RowScale = new double[rows];
        Cost = new double[columns];
        Upper = new double[columns];
        LogWeight = new double[columns];
        IsFree = new bool[columns];
        ColumnScale = new double[columns];
        ColumnStart = new int[columns + 1];
        RowIndex = [];
        Values = [];
    }

    public int Rows { get; }
    public int Columns { get; }
    public int[] ColumnStart { get; }
    public int[] RowIndex { get; private set; }
    public double[] Values { get; private set; }
    public double[] Rhs { get; }
    public double[] Cost { get; }

    /// <summary>Upper bound of each column after shifting; +∞ where none.</summary>
    public double[] Upper { get; }
    public double[] LogWeight { get; }
    public bool[] IsFree { get; }
    public double[] RowScale { get; }
    public double[] ColumnScale { get; }

    /// <summary>Original variable j = Shift[j] + Sign[j]·ColumnScale[Map[j]]·x[Map[j]] (Map −1: fixed at Shift).</summary>
    private int[] Map { get; set; } = [];
    private double[] Sign { get; set; } = [];
    private double[] Shift { get; set; } = [];

    public static StandardForm From(LinearProgram program)
    {
        var nVar = program.VariableCount;
        var map = new int[nVar];
        var sign = new double[nVar];
        var shift = new double[nVar];
        var columns = 0;
        for (var j = 0; j < nVar; j++)
        {
            var (l, u) = (program.LowerBounds[j], program.UpperBounds[j]);
            if (l > u)
            {
                throw new OptimizationException($"{program.Name}: variable {program.VariableName(j)} has lower bound {l} above upper bound {u}; the problem is infeasible, fix the bounds.");
            }
            if (l == u && program.LogWeights[j] == 0)
            {
                (map[j], sign[j], shift[j]) = (-1, 1, l);
                continue;
            }
            if (l == u)
            {
                throw new OptimizationException($"{program.Name}: variable {program.VariableName(j)} has a log weight but equal bounds {l}; ln(x − lower) is −∞ there, widen the bounds.");
            }
            map[j] = columns++;
            (sign[j], shift[j]) = double.IsFinite(l) ? (1.0, l) : double.IsFinite(u) ? (-1.0, u) : (1.0, 0.0);
        }
        var slackRows = 0;
        for (var i = 0; i < program.ConstraintCount; i++)
        {
            if (program.Relations[i] != ConstraintRelation.Equal) slackRows++;
        }
        var form = new StandardForm(program.ConstraintCount, columns + slackRows) { Map = map, Sign = sign, Shift = shift };
        form.Fill(program);
        form.Equilibrate();
        return form;
    }

    private void Fill(LinearProgram program)
    {
        for (var j = 0; j < program.VariableCount; j++)
        {
            var col = Map[j];
            if (col < 0) continue;
            var (l, u) = (program.LowerBounds[j], program.UpperBounds[j]);
            Cost[col] = Sign[j] * program.Costs[j];
            LogWeight[col] = program.LogWeights[j];
            IsFree[col] = !double.IsFinite(l) && !double.IsFinite(u);
            Upper[col] = double.IsFinite(l) && double.IsFinite(u) ? u - l : double.PositiveInfinity;
        }
        var entries = new List<(int Row, double Value)>[Columns];
        for (var c = 0; c < Columns; c++) entries[c] = [];
        var slack = CountMapped();
        for (var i = 0; i < Rows; i++)
        {
            var rhs = program.RightHandSides[i];
            var vars = program.RowVariables[i];
            var coefs = program.RowCoefficients[i];
            for (var k = 0; k < vars.Length; k++)
            {
                var j = vars[k];
                rhs -= coefs[k] * Shift[j];
                var col = Map[j];
                if (col < 0 || coefs[k] == 0) continue;
                var list = entries[col];
                var value = Sign[j] * coefs[k];
                if (list.Count > 0 && list[^1].Row == i) list[^1] = (i, list[^1].Value + value);
                else list.Add((i, value));
            }
            Rhs[i] = rhs;
            var relation = program.Relations[i];
            if (relation == ConstraintRelation.Equal) continue;
            entries[slack].Add((i, relation == ConstraintRelation.LessOrEqual ? 1.0 : -1.0));
            Upper[slack] = double.PositiveInfinity;
            slack++;
        }
        var nnz = 0;
        for (var c = 0; c < Columns; c++)
        {
            entries[c].RemoveAll(e => e.Value == 0);
            ColumnStart[c] = nnz;
            nnz += entries[c].Count;
        }
        ColumnStart[Columns] = nnz;
        RowIndex = new int[nnz];
        Values = new double[nnz];
        for (var c = 0; c < Columns; c++)
        {
            var p = ColumnStart[c];
            foreach (var (row, value) in entries[c])
            {
                RowIndex[p] = row;
                Values[p++] = value;
            }
        }
        var rowHasEntries = new bool[Rows];
        foreach (var r in RowIndex) rowHasEntries[r] = true;
        for (var i = 0; i < Rows; i++)
        {
            if (!rowHasEntries[i] && Math.Abs(Rhs[i]) > 1e-12 * (1 + Math.Abs(program.RightHandSides[i])))
            {
                throw new OptimizationException($"{program.Name}: constraint {program.ConstraintName(i)} has no free variables but needs {Rhs[i]:G6} more; the problem is infeasible, fix that row or the fixed bounds.");
            }
        }
    }

    private int CountMapped()
    {
        var count = 0;
        foreach (var m in Map) if (m >= 0) count++;
        return count;
    }

    /// <summary>Ruiz equilibration: repeatedly divides rows and columns by the square root of their largest entry.</summary>
    private void Equilibrate()
    {
        Array.Fill(RowScale, 1.0);
        Array.Fill(ColumnScale, 1.0);
        var rowMax = new double[Rows];
        for (var pass = 0; pass < EquilibrationPasses; pass++)
        {
            Array.Clear(rowMax);
            for (var p = 0; p < Values.Length; p++) rowMax[RowIndex[p]] = Math.Max(rowMax[RowIndex[p]], Math.Abs(Values[p]));
            for (var c = 0; c < Columns; c++)
            {
                var colMax = 0.0;
                for (var p = ColumnStart[c]; p < ColumnStart[c + 1]; p++) colMax = Math.Max(colMax, Math.Abs(Values[p]));
                var cs = colMax > 0 ? 1.0 / Math.Sqrt(colMax) : 1.0;
                ColumnScale[c] *= cs;
                for (var p = ColumnStart[c]; p < ColumnStart[c + 1]; p++)
                {
                    var r = RowIndex[p];
                    var rs = rowMax[r] > 0 ? 1.0 / Math.Sqrt(rowMax[r]) : 1.0;
                    Values[p] *= rs * cs;
                }
            }
            for (var i = 0; i < Rows; i++) RowScale[i] *= rowMax[i] > 0 ? 1.0 / Math.Sqrt(rowMax[i]) : 1.0;
        }
        for (var i = 0; i < Rows; i++) Rhs[i] *= RowScale[i];
        for (var c = 0; c < Columns; c++)
        {
            Cost[c] *= ColumnScale[c];
            Upper[c] /= ColumnScale[c];
        }
    }

    /// <summary>The original variables' values from an internal solution.</summary>
    public double[] RecoverValues(double[] x)
    {
        var values = new double[Map.Length];
        for (var j = 0; j < Map.Length; j++)
        {
            var col = Map[j];
            values[j] = col < 0 ? Shift[j] : Shift[j] + Sign[j] * ColumnScale[col] * x[col];
        }
        return values;
    }

    /// <summary>The original rows' duals (∂objective/∂rhs) from internal duals.</summary>
    public double[] RecoverDuals(double[] y)
    {
        var duals = new double[Rows];
        for (var i = 0; i < Rows; i++) duals[i] = RowScale[i] * y[i];
        return duals;
    }
}
