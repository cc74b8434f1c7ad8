namespace ActorTrader.Quant.Solvers.Lp;

/// <summary>
/// How <see cref="DenseColumnNormalEquations"/> partitions a <see cref="StandardForm"/>: dense columns D (every free
/// column, and every column touching more than max(8, √m) rows: the weights and the VaR/DaR level of a scenario LP)
/// and the sparse rest, whose normal matrix A_S Θ_S A_Sᵀ is narrow once the rows are put in a bandwidth-reducing
/// order. <see cref="TryCreate"/> declines programs where the split cannot pay (no dense column, or too many).
/// </summary>
internal sealed class DenseColumnSplit
{
    private const int MinimumDenseCount = 8;

    private DenseColumnSplit(int[] denseColumns, int[] rowOrder, int[] position, int[] first, double operations)
    {
        (DenseColumns, RowOrder, Position, First, Operations) = (denseColumns, rowOrder, position, first, operations);
    }

    /// <summary>Dense columns in column order (free columns among them).</summary>
    public int[] DenseColumns { get; }

    /// <summary>Elimination position → row.</summary>
    public int[] RowOrder { get; }

    /// <summary>Row → elimination position.</summary>
    public int[] Position { get; }

    /// <summary>Profile of A_S Θ_S A_Sᵀ in position order: row p has entries from column First[p].</summary>
    public int[] First { get; }

    /// <summary>Estimated multiply-adds of one factorisation.</summary>
    public double Operations { get; }

    public static DenseColumnSplit? TryCreate(StandardForm form)
    {
        var (m, columns) = (form.Rows, form.Columns);
        var threshold = Math.Max(MinimumDenseCount, (int)Math.Ceiling(Math.Sqrt(m)));
        var (start, rowIndex) = (form.ColumnStart, form.RowIndex);
        var isDense = new bool[columns];
        var dense = new List<int>();
        for (var c = 0; c < columns; c++)
        {
            isDense[c] = form.IsFree[c] || start[c + 1] - start[c] > threshold;
            if (isDense[c]) dense.Add(c);
        }
        if (dense.Count == 0 || 2 * dense.Count >= m) return null;

        var adjacency = new List<int>[m];
        for (var i = 0; i < m; i++) adjacency[i] = [];
        var sparseFormation = 0.0;
        for (var c = 0; c < columns; c++)
        {
            if (isDense[c]) continue;
            var count = start[c + 1] - start[c];
            sparseFormation += count * (count + 1) / 2.0;
            for (var p = start[c]; p < start[c + 1]; p++)
            {
                for (var q = start[c]; q < start[c + 1]; q++) if (p != q) adjacency[rowIndex[p]].Add(rowIndex[q]);
            }
        }
        var neighbours = adjacency.Select(list => list.Distinct().ToArray()).ToArray();
        var order = ReverseCuthillMcKee.Order(neighbours);
        var position = new int[m];
        for (var p = 0; p < m; p++) position[order[p]] = p;
        var first = new int[m];
        var profile = 0.0;
        var factorCost = 0.0;
        for (var p = 0; p < m; p++)
        {
            first[p] = p;
            foreach (var neighbour in neighbours[order[p]]) first[p] = Math.Min(first[p], position[neighbour]);
            var width = p - first[p];
            profile += width;
            factorCost += width * (width + 1) / 2.0;
        }
        var d = (double)dense.Count;
        var operations = sparseFormation + factorCost + d * (2 * m + profile) + m * d * (d + 1) / 2 + d * d * d / 6;
        return new DenseColumnSplit([.. dense], order, position, first, operations);
    }

    /// <summary>Estimated multiply-adds of one factorisation by <see cref="NormalEquations"/> (envelope Cholesky over all rows).</summary>
    public static double DenseOperations(StandardForm form)
    {
        var m = form.Rows;
        var first = new int[m];
        for (var i = 0; i < m; i++) first[i] = i;
        var formation = 0.0;
        var freeCount = 0;
        for (var c = 0; c < form.Columns; c++)
        {
            var (s, e) = (form.ColumnStart[c], form.ColumnStart[c + 1]);
            if (form.IsFree[c])
            {
                freeCount++;
                continue;
            }
            formation += (e - s) * (e - s + 1) / 2.0;
            for (var p = s; p < e; p++) first[form.RowIndex[p]] = Math.Min(first[form.RowIndex[p]], form.RowIndex[s]);
        }
        var factor = 0.0;
        var profile = 0.0;
        for (var i = 0; i < m; i++)
        {
            var width = i - first[i];
            profile += width;
            factor += width * (width + 1) / 2.0;
        }
        return formation + factor + 2 * freeCount * profile + (double)freeCount * freeCount * freeCount / 3;
    }
}
