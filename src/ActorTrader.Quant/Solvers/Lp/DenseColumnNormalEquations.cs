using System.Numerics;

namespace ActorTrader.Quant.Solvers.Lp;

/// <summary>
/// Normal equations for programs with a few dense columns over many rows (scenario LPs: every weight touches every
/// scenario, so A Θ Aᵀ is a dense (T+1)² matrix costing O(T³) per iteration). With the columns split into sparse S and
/// dense D (<see cref="DenseColumnSplit"/>), the bounded dense columns' Θ A_Dᵀ dy become unknowns u, giving the
/// equivalent bordered system
/// <code>
/// [M_S + Δ   A_D   ] [dy]   [g]      M_S = A_S Θ_S A_Sᵀ (banded after reordering), Δ = ρ·diag(A Θ Aᵀ),
/// [A_Dᵀ     −Θ_D⁻¹ ] [u ] = [h]      Θ_D⁻¹ = 0 and h = h_F for free columns, h = 0 for bounded ones.
/// </code>
/// Eliminating dy with M_S + Δ = LLᵀ leaves the |D|×|D| Schur complement C = Θ_D⁻¹ + XᵀX, X = L⁻¹A_D: O(m·|D|²)
/// vectorised work (<see cref="GramMatrix"/>) and one |D|×|D| Cholesky instead of O(m³).
/// Why Δ: rows whose sparse columns are all at their bounds (a scenario exactly at the VaR, the budget row, which has no
/// sparse column at all) make M_S singular, and eliminating through it leaves C with a condition number near 1/μ² that
/// no Cholesky survives. The tiny relative shift bounds that, and the shifted split then serves as the preconditioner
/// of conjugate gradients on the unshifted A Θ Aᵀ (see <see cref="Solve"/>), which removes its effect.
/// </summary>
internal sealed class DenseColumnNormalEquations : INormalEquations
{
    private const double Shift = 1e-12;
    private const int MaxConjugateGradientSteps = 25;
    private const double ConjugateGradientTolerance = 1e-15;
    private const int OuterRounds = 3;
    private const double OuterTolerance = 1e-14;
    private const double ParallelWork = 65536;
    private readonly StandardForm _form;
    private readonly DenseColumnSplit _split;
    private readonly int _m;
    private readonly int _d;
    private readonly int[] _freeColumns;
    private readonly int[] _freeSlot;
    private readonly bool[] _denseIsFree;
    private readonly int[] _denseFirst;
    private readonly double[] _denseBlock;
    private readonly int[] _sparseColumns;
    private readonly int[] _sparseStart;
    private readonly int[] _sparsePosition;
    private readonly double[] _sparseValue;
    private readonly SkylineMatrix _sparseBlock;
    private readonly double[] _diagonal;
    private readonly double[] _x;
    private readonly double[] _schur;
    private readonly int[] _schurFirst;
    private readonly double[] _theta;
    private readonly double[] _u;
    private readonly double[] _q;
    private readonly double[] _residual;
    private readonly double[] _zeroFree;
    private readonly double[] _correction;
    private readonly double[] _correctionFree;
    private readonly double[] _solution;
    private readonly double[] _solutionFree;
    private readonly double[] _search;
    private readonly double[] _outerY;
    private readonly double[] _outerFree;
    private readonly double[] _outerResidual;
    private readonly double[] _outerResidualFree;
    private readonly double[] _product;
    private readonly ParallelOptions _threads = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };
    private readonly bool _parallel;
    private readonly double[] _positioned;
    private readonly double[] _positionedResult;
    private readonly double[] _denseCoefficient;

    public DenseColumnNormalEquations(StandardForm form, DenseColumnSplit split)
    {
        (_form, _split) = (form, split);
        _m = form.Rows;
        _d = split.DenseColumns.Length;
        var (start, rows, values) = (form.ColumnStart, form.RowIndex, form.Values);
        var free = new List<int>();
        for (var c = 0; c < form.Columns; c++) if (form.IsFree[c]) free.Add(c);
        _freeColumns = [.. free];
        _freeSlot = new int[_freeColumns.Length];
        _denseIsFree = new bool[_d];
        _denseFirst = new int[_d];
        _denseBlock = new double[_d * _m];
        var isDense = new bool[form.Columns];
        for (int k = 0, f = 0; k < _d; k++)
        {
            var c = split.DenseColumns[k];
            isDense[c] = true;
            _denseIsFree[k] = form.IsFree[c];
            if (form.IsFree[c]) _freeSlot[f++] = k;
            _denseFirst[k] = _m;
            for (var p = start[c]; p < start[c + 1]; p++)
            {
                var position = split.Position[rows[p]];
                _denseBlock[k * _m + position] = values[p];
                _denseFirst[k] = Math.Min(_denseFirst[k], position);
            }
        }
        var sparseColumns = new List<int>();
        var sparseStart = new List<int> { 0 };
        var sparsePosition = new List<int>();
        var sparseValue = new List<double>();
        for (var c = 0; c < form.Columns; c++)
        {
            if (isDense[c]) continue;
            sparseColumns.Add(c);
            var entries = new List<(int Position, double Value)>();
            for (var p = start[c]; p < start[c + 1]; p++) entries.Add((split.Position[rows[p]], values[p]));
            foreach (var (position, value) in entries.OrderBy(e => e.Position))
            {
                sparsePosition.Add(position);
                sparseValue.Add(value);
            }
            sparseStart.Add(sparsePosition.Count);
        }
        (_sparseColumns, _sparseStart, _sparsePosition, _sparseValue) = ([.. sparseColumns], [.. sparseStart], [.. sparsePosition], [.. sparseValue]);
        _sparseBlock = new SkylineMatrix(split.First);
        _diagonal = new double[_m];
        _x = new double[_d * _m];
        _schur = new double[_d * _d];
        _schurFirst = new int[_d];
        _theta = new double[form.Columns];
        (_u, _q) = (new double[_m], new double[_d]);
        (_residual, _zeroFree, _correction, _correctionFree) = (new double[_m], new double[_freeColumns.Length], new double[_m], new double[_freeColumns.Length]);
        (_solution, _solutionFree) = (new double[_m], new double[_freeColumns.Length]);
        (_search, _product) = (new double[_m], new double[_m]);
        (_outerY, _outerFree, _outerResidual, _outerResidualFree) = (new double[_m], new double[_freeColumns.Length], new double[_m], new double[_freeColumns.Length]);
        (_positioned, _positionedResult, _denseCoefficient) = (new double[_m], new double[_m], new double[_d]);
        // Handing work to other threads costs microseconds; only worth it when the dense block is large.
        _parallel = Environment.ProcessorCount > 1 && (double)_d * _m >= ParallelWork;
    }

    public IReadOnlyList<int> FreeColumns => _freeColumns;

    public void Factor(double[] theta)
    {
        Array.Copy(theta, _theta, _theta.Length);
        FactorShiftedSparseBlock();
        Array.Copy(_denseBlock, _x, _x.Length);
        if (_parallel) Parallel.For(0, _d, _threads, k => _sparseBlock.ForwardSolve(_x.AsSpan(k * _m, _m), _denseFirst[k]));
        else for (var k = 0; k < _d; k++) _sparseBlock.ForwardSolve(_x.AsSpan(k * _m, _m), _denseFirst[k]);
        Array.Clear(_schur);
        GramMatrix.AddLower(_x, _d, _m, _schur);
        for (var k = 0; k < _d; k++)
        {
            if (!_denseIsFree[k]) _schur[k * _d + k] += 1.0 / _theta[_split.DenseColumns[k]];
        }
        EnvelopeCholesky.Factor(_schur, _d, _schurFirst);
    }

    /// <summary>
    /// Conjugate gradients on A Θ Aᵀ, restricted to A_Fᵀ dy = h_F, preconditioned by the shifted split (a constraint
    /// preconditioner: every application returns a direction with A_Fᵀ z = 0 and a multiplier, which is folded into
    /// dx_F and the residual). Converges where plain refinement would crawl, because only a few eigenvalues of the
    /// preconditioned matrix stray from 1 when A Θ Aᵀ is ill-conditioned near the optimum; typically 1–3 steps.
    /// </summary>
    public void Solve(double[] g, double[] hFree, double[] dxFree)
    {
        // Rounding in the preconditioner leaves A_Fᵀ dy = h_F slightly off, which the projected iteration cannot see;
        // an outer refinement on the full residual restores it (and any drift of the recursive residual).
        Array.Clear(_outerY);
        Array.Clear(_outerFree);
        Array.Copy(g, _outerResidual, _m);
        Array.Copy(hFree, _outerResidualFree, hFree.Length);
        var norm = Math.Max(NormInf(g), NormInf(hFree));
        var target = OuterTolerance * norm;
        for (var round = 0; round < OuterRounds; round++)
        {
            ConjugateGradients(_outerResidual, _outerResidualFree);
            for (var i = 0; i < _m; i++) _outerY[i] += _solution[i];
            for (var k = 0; k < _outerFree.Length; k++) _outerFree[k] += _solutionFree[k];
            if (FullResidual(g, hFree) <= target) break;
        }
        Array.Copy(_outerY, g, _m);
        Array.Copy(_outerFree, dxFree, dxFree.Length);
    }

    /// <summary>Fills the outer residuals [g; h_F] − [A Θ Aᵀ A_F; A_Fᵀ 0][dy; dx_F] and returns their largest magnitude.</summary>
    private double FullResidual(double[] g, double[] hFree)
    {
        ApplyNormal(_outerY, _outerResidual);
        AddFreeColumns(_outerFree, _outerResidual);
        for (var i = 0; i < _m; i++) _outerResidual[i] = g[i] - _outerResidual[i];
        var (start, rows, values) = (_form.ColumnStart, _form.RowIndex, _form.Values);
        for (var k = 0; k < _freeColumns.Length; k++)
        {
            var c = _freeColumns[k];
            var aty = 0.0;
            for (var p = start[c]; p < start[c + 1]; p++) aty += values[p] * _outerY[rows[p]];
            _outerResidualFree[k] = hFree[k] - aty;
        }
        return Math.Max(NormInf(_outerResidual), NormInf(_outerResidualFree));
    }

    /// <summary>Projected preconditioned conjugate gradients for (g, h_F) into (_solution, _solutionFree).</summary>
    private void ConjugateGradients(double[] g, double[] hFree)
    {
        var (x, r, z, p, q) = (_solution, _residual, _correction, _search, _product);
        var (lambda, mu) = (_solutionFree, _correctionFree);
        SolveShifted(g, hFree, x, lambda);
        ApplyNormal(x, q);
        AddFreeColumns(lambda, q);
        var gNorm = NormInf(g);
        for (var i = 0; i < _m; i++) r[i] = g[i] - q[i];
        var target = ConjugateGradientTolerance * gNorm;
        Array.Clear(_zeroFree);
        Precondition(r, z, lambda, mu);
        Array.Copy(z, p, _m);
        var rz = EnvelopeCholesky.Dot(r, z);
        for (var step = 0; step < MaxConjugateGradientSteps && NormInf(r) > target && rz > 0; step++)
        {
            ApplyNormal(p, q);
            var pq = EnvelopeCholesky.Dot(p, q);
            if (!(pq > 0)) break;
            var alpha = rz / pq;
            for (var i = 0; i < _m; i++)
            {
                x[i] += alpha * p[i];
                r[i] -= alpha * q[i];
            }
            Precondition(r, z, lambda, mu);
            var rzNext = EnvelopeCholesky.Dot(r, z);
            var beta = rzNext / rz;
            rz = rzNext;
            for (var i = 0; i < _m; i++) p[i] = z[i] + beta * p[i];
        }
    }

    /// <summary>z with (M + Δ)z + A_F μ = r, A_Fᵀ z = 0; then λ += μ and r −= A_F μ, so that (M + Δ)z = r.</summary>
    private void Precondition(double[] r, double[] z, double[] lambda, double[] mu)
    {
        SolveShifted(r, _zeroFree, z, mu);
        if (mu.Length == 0) return;
        for (var k = 0; k < mu.Length; k++)
        {
            lambda[k] += mu[k];
            mu[k] = -mu[k];
        }
        AddFreeColumns(mu, r);
    }

    /// <summary>result += A_F v.</summary>
    private void AddFreeColumns(double[] v, double[] result)
    {
        var (start, rows, values) = (_form.ColumnStart, _form.RowIndex, _form.Values);
        for (var k = 0; k < _freeColumns.Length; k++)
        {
            var c = _freeColumns[k];
            for (var p = start[c]; p < start[c + 1]; p++) result[rows[p]] += values[p] * v[k];
        }
    }

    /// <summary>
    /// result = A Θ Aᵀ v over the bounded columns, in elimination-position order so the dense columns are contiguous
    /// vectorised dot products and updates (the bulk of every conjugate-gradient step) rather than gathers.
    /// </summary>
    private void ApplyNormal(double[] v, double[] result)
    {
        var (vp, rp, coefficient) = (_positioned, _positionedResult, _denseCoefficient);
        for (var p = 0; p < _m; p++) vp[p] = v[_split.RowOrder[p]];
        Array.Clear(rp);
        for (var k = 0; k < _sparseColumns.Length; k++)
        {
            var aty = 0.0;
            for (var p = _sparseStart[k]; p < _sparseStart[k + 1]; p++) aty += _sparseValue[p] * vp[_sparsePosition[p]];
            var scaled = _theta[_sparseColumns[k]] * aty;
            for (var p = _sparseStart[k]; p < _sparseStart[k + 1]; p++) rp[_sparsePosition[p]] += _sparseValue[p] * scaled;
        }
        if (_parallel) Parallel.For(0, _d, _threads, DenseCoefficient);
        else for (var k = 0; k < _d; k++) DenseCoefficient(k);
        var chunks = _parallel ? _threads.MaxDegreeOfParallelism : 1;
        var chunk = (_m + chunks - 1) / chunks;
        if (_parallel) Parallel.For(0, chunks, _threads, c => AddColumns(_denseBlock, coefficient, 1.0, rp, c * chunk, Math.Min(_m, (c + 1) * chunk)));
        else AddColumns(_denseBlock, coefficient, 1.0, rp, 0, _m);
        for (var p = 0; p < _m; p++) result[_split.RowOrder[p]] = rp[p];
    }

    /// <summary>θ_k (A_Dᵀ v)_k for a bounded dense column, 0 for a free one.</summary>
    private void DenseCoefficient(int k)
    {
        var first = _denseFirst[k];
        _denseCoefficient[k] = _denseIsFree[k] ? 0.0
            : _theta[_split.DenseColumns[k]] * EnvelopeCholesky.Dot(_denseBlock.AsSpan(k * _m + first, _m - first), _positioned.AsSpan(first, _m - first));
    }

    private static double NormInf(double[] v)
    {
        var max = 0.0;
        foreach (var x in v) max = Math.Max(max, Math.Abs(x));
        return max;
    }

    /// <summary>Forms A_S Θ_S A_Sᵀ + ρ·diag(A Θ Aᵀ) in position order and factors it.</summary>
    private void FactorShiftedSparseBlock()
    {
        var block = _sparseBlock;
        block.Clear();
        var a = block.Values;
        Array.Clear(_diagonal);
        for (var k = 0; k < _sparseColumns.Length; k++)
        {
            var th = _theta[_sparseColumns[k]];
            for (var p = _sparseStart[k]; p < _sparseStart[k + 1]; p++)
            {
                var v = th * _sparseValue[p];
                var i = _sparsePosition[p];
                for (var q = _sparseStart[k]; q <= p; q++) a[block.IndexOf(i, _sparsePosition[q])] += v * _sparseValue[q];
                _diagonal[i] += v * _sparseValue[p];
            }
        }
        for (var k = 0; k < _d; k++)
        {
            if (_denseIsFree[k]) continue;
            var th = _theta[_split.DenseColumns[k]];
            var column = _denseBlock.AsSpan(k * _m, _m);
            for (var i = _denseFirst[k]; i < _m; i++) _diagonal[i] += th * column[i] * column[i];
        }
        var largest = 0.0;
        foreach (var value in _diagonal) largest = Math.Max(largest, value);
        // A row only free columns touch has no diagonal of its own; shift it like the largest row.
        var fallback = Shift * (largest > 0 ? largest : 1.0);
        for (var i = 0; i < _m; i++) a[block.IndexOf(i, i)] += _diagonal[i] > 0 ? Shift * _diagonal[i] : fallback;
        block.Factor();
    }

    /// <summary>target[from..to) += sign·Σ_k block_k coefficient_k, columns in index order whatever the chunking.</summary>
    private void AddColumns(double[] block, double[] coefficient, double sign, double[] target, int from, int to)
    {
        for (var k = 0; k < _d; k++)
        {
            var factor = sign * coefficient[k];
            if (factor == 0) continue;
            var start = Math.Max(from, _denseFirst[k]);
            if (start >= to) continue;
            var column = block.AsSpan(k * _m + start, to - start);
            var values = target.AsSpan(start, to - start);
            var i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var width = Vector<double>.Count;
                var scale = new Vector<double>(factor);
                for (; i <= values.Length - width; i += width)
                {
                    (new Vector<double>(values[i..]) + scale * new Vector<double>(column[i..])).CopyTo(values[i..]);
                }
            }
            for (; i < values.Length; i++) values[i] += factor * column[i];
        }
    }

    /// <summary>One solve of the shifted bordered system for right-hand side (g, h_F) into (dy, dx_F).</summary>
    private void SolveShifted(double[] g, double[] hFree, double[] dy, double[] dxFree)
    {
        var (u, q) = (_u, _q);
        for (var p = 0; p < _m; p++) u[p] = g[_split.RowOrder[p]];
        _sparseBlock.ForwardSolve(u);
        if (_parallel) Parallel.For(0, _d, _threads, k => q[k] = EnvelopeCholesky.Dot(_x.AsSpan(k * _m, _m), u));
        else for (var k = 0; k < _d; k++) q[k] = EnvelopeCholesky.Dot(_x.AsSpan(k * _m, _m), u);
        for (var f = 0; f < _freeSlot.Length; f++) q[_freeSlot[f]] -= hFree[f];
        EnvelopeCholesky.Solve(_schur, _d, _schurFirst, q);
        // Each thread owns a range of positions and subtracts the columns in index order, as the serial loop does.
        var chunks = _parallel ? _threads.MaxDegreeOfParallelism : 1;
        var chunk = (_m + chunks - 1) / chunks;
        if (_parallel) Parallel.For(0, chunks, _threads, c => AddColumns(_x, q, -1.0, u, c * chunk, Math.Min(_m, (c + 1) * chunk)));
        else AddColumns(_x, q, -1.0, u, 0, _m);
        _sparseBlock.BackwardSolve(u);
        for (var p = 0; p < _m; p++) dy[_split.RowOrder[p]] = u[p];
        for (var f = 0; f < _freeSlot.Length; f++) dxFree[f] = q[_freeSlot[f]];
    }
}
