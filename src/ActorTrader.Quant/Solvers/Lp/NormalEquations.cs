namespace ActorTrader.Quant.Solvers.Lp;

/// <summary>
/// The interior-point Newton system in normal-equations form, M = A_N Θ A_Nᵀ over the bounded columns, with the free
/// columns A_F eliminated through the small Schur complement A_Fᵀ M⁻¹ A_F instead of a huge artificial Θ (which would
/// swamp the Cholesky factor). Solves [M A_F; A_Fᵀ 0][dy; dx_F] = [g; h_F]. Costs O(m³) per factorisation when a column
/// touches most rows (scenario LPs); <see cref="DenseColumnNormalEquations"/> handles those.
/// </summary>
internal sealed class NormalEquations : INormalEquations
{
    private readonly StandardForm _form;
    private readonly int _m;
    private readonly double[] _matrix;
    private readonly int[] _first;
    private readonly int[] _freeColumns;
    private readonly double[] _minvFree;
    private readonly double[] _schur;
    private readonly int[] _schurPivots;

    public NormalEquations(StandardForm form)
    {
        _form = form;
        _m = form.Rows;
        _matrix = new double[_m * _m];
        _first = new int[_m];
        for (var i = 0; i < _m; i++) _first[i] = i;
        var free = new List<int>();
        for (var c = 0; c < form.Columns; c++)
        {
            if (form.IsFree[c])
            {
                free.Add(c);
                continue;
            }
            var start = form.ColumnStart[c];
            var end = form.ColumnStart[c + 1];
            if (start == end) continue;
            var top = form.RowIndex[start];
            for (var p = start; p < end; p++) _first[form.RowIndex[p]] = Math.Min(_first[form.RowIndex[p]], top);
        }
        _freeColumns = [.. free];
        _minvFree = new double[_m * _freeColumns.Length];
        _schur = new double[_freeColumns.Length * _freeColumns.Length];
        _schurPivots = new int[_freeColumns.Length];
    }

    /// <summary>Forms and factors M for the bounded columns' Θⱼ = 1/Dⱼ (entries of free columns are ignored).</summary>
    public void Factor(double[] theta)
    {
        var (m, a) = (_m, _matrix);
        for (var i = 0; i < m; i++) Array.Clear(a, i * m + _first[i], i - _first[i] + 1);
        var (start, rows, values) = (_form.ColumnStart, _form.RowIndex, _form.Values);
        for (var c = 0; c < _form.Columns; c++)
        {
            if (_form.IsFree[c]) continue;
            var th = theta[c];
            for (var p = start[c]; p < start[c + 1]; p++)
            {
                var rowOffset = rows[p] * m;
                var v = th * values[p];
                for (var q = start[c]; q <= p; q++) a[rowOffset + rows[q]] += v * values[q];
            }
        }
        EnvelopeCholesky.Factor(a, m, _first);
        if (_freeColumns.Length == 0) return;
        var f = _freeColumns.Length;
        var column = new double[m];
        for (var k = 0; k < f; k++)
        {
            Array.Clear(column);
            var c = _freeColumns[k];
            for (var p = start[c]; p < start[c + 1]; p++) column[rows[p]] = values[p];
            EnvelopeCholesky.Solve(a, m, _first, column);
            Array.Copy(column, 0, _minvFree, k * m, m);
        }
        var maxDiagonal = 0.0;
        for (var r = 0; r < f; r++)
        {
            var c = _freeColumns[r];
            for (var k = 0; k < f; k++)
            {
                var sum = 0.0;
                for (var p = start[c]; p < start[c + 1]; p++) sum += values[p] * _minvFree[k * m + rows[p]];
                _schur[r * f + k] = sum;
            }
            maxDiagonal = Math.Max(maxDiagonal, Math.Abs(_schur[r * f + r]));
        }
        // A free column that no row constrains leaves the Schur complement singular; a tiny shift keeps the solve
        // finite and lets the iterate diverge, which the solver then reports as unbounded.
        for (var r = 0; r < f; r++) _schur[r * f + r] += 1e-14 * (1 + maxDiagonal);
        LuFactor(_schur, f, _schurPivots);
    }

    /// <summary>Overwrites <paramref name="g"/> with dy and fills <paramref name="dxFree"/> (one entry per free column, in column order).</summary>
    public void Solve(double[] g, double[] hFree, double[] dxFree)
    {
        var m = _m;
        EnvelopeCholesky.Solve(_matrix, m, _first, g);
        var f = _freeColumns.Length;
        if (f == 0) return;
        var (start, rows, values) = (_form.ColumnStart, _form.RowIndex, _form.Values);
        for (var k = 0; k < f; k++)
        {
            var c = _freeColumns[k];
            var sum = 0.0;
            for (var p = start[c]; p < start[c + 1]; p++) sum += values[p] * g[rows[p]];
            dxFree[k] = sum - hFree[k];
        }
        LuSolve(_schur, f, _schurPivots, dxFree);
        for (var k = 0; k < f; k++)
        {
            var d = dxFree[k];
            for (var i = 0; i < m; i++) g[i] -= _minvFree[k * m + i] * d;
        }
    }

    public IReadOnlyList<int> FreeColumns => _freeColumns;

    private static void LuFactor(double[] a, int n, int[] pivots)
    {
        for (var k = 0; k < n; k++)
        {
            var p = k;
            for (var i = k + 1; i < n; i++) if (Math.Abs(a[i * n + k]) > Math.Abs(a[p * n + k])) p = i;
            pivots[k] = p;
            if (p != k) for (var j = 0; j < n; j++) (a[k * n + j], a[p * n + j]) = (a[p * n + j], a[k * n + j]);
            var pivot = a[k * n + k];
            for (var i = k + 1; i < n; i++)
            {
                var factor = a[i * n + k] /= pivot;
                for (var j = k + 1; j < n; j++) a[i * n + j] -= factor * a[k * n + j];
            }
        }
    }

    private static void LuSolve(double[] lu, int n, int[] pivots, double[] b)
    {
        for (var k = 0; k < n; k++) if (pivots[k] != k) (b[k], b[pivots[k]]) = (b[pivots[k]], b[k]);
        for (var i = 0; i < n; i++) for (var j = 0; j < i; j++) b[i] -= lu[i * n + j] * b[j];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = i + 1; j < n; j++) b[i] -= lu[i * n + j] * b[j];
            b[i] /= lu[i * n + i];
        }
    }
}
