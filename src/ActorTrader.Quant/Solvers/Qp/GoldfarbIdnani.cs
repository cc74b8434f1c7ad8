using ActorTrader.Quant.Portfolio;

namespace ActorTrader.Quant.Solvers.Qp;

/// <summary>
/// The working state of one Goldfarb-Idnani solve. J (stored transposed, Jt) starts as L⁻ᵀ for G = LLᵀ; with q
/// active constraints N, JᵀN = [R; 0] with R upper triangular q×q, the first q columns of J span the active normals
/// and the rest span their null space (the free directions). Adding a constraint is one Householder reflection
/// of the free rows of Jt; dropping one is a sequence of Givens reflections on Jt and R. At the end the active
/// constraints are polished to hold exactly.
/// </summary>
internal sealed class GoldfarbIdnani
{
    // A constraint whose free-space component is this small (relative to its whole J-image) is treated as
    // linearly dependent on the active set: only a dual step is possible for it.
    private const double DependenceRatioSquared = 1e-20;
    private const double AddPivotEpsilon = 1e-14;

    private readonly int _n;
    private readonly double[] _jt;
    private readonly double[] _r;
    private readonly double[] _d;
    private readonly double[] _z;
    private readonly double[] _step;
    private readonly double[] _u;
    private readonly double[] _w;
    private readonly int[] _active;
    private readonly bool[] _isActive;
    private readonly QpConstraintSet _constraints;
    private readonly QpOptions _options;
    private readonly int _maxIterations;
    private double[] _x = [];
    private int _q;
    private double _rNorm = 1.0;

    public GoldfarbIdnani(int n, double[] choleskyLower, QpConstraintSet constraints, QpOptions options)
    {
        _n = n;
        _constraints = constraints;
        _options = options;
        _maxIterations = options.MaxIterations ?? 10 * (n + constraints.Count) + 100;
        _jt = InvertLower(choleskyLower, n);
        _r = new double[n * n];
        _d = new double[n];
        _z = new double[n];
        _step = new double[n];
        _u = new double[n + 1];
        _w = new double[n];
        _active = new int[n + 1];
        _isActive = new bool[constraints.Count];
    }

    public int Iterations { get; private set; }

    public IReadOnlyList<string> ActiveNames()
    {
        var names = new List<string>();
        for (var k = 0; k < _q; k++)
        {
            if (_active[k] >= _constraints.EqualityCount) names.Add(_constraints.Names[_active[k]]);
        }
        return names;
    }

    public double[] Run(double[] linear)
    {
        _x = UnconstrainedMinimum(linear);
        for (var e = 0; e < _constraints.EqualityCount; e++) AddEquality(e);
        while (true)
        {
            var p = MostViolated();
            if (p < 0)
            {
                Polish();
                return _x;
            }
            Enforce(p);
        }
    }

    /// <summary>
    /// Removes the round-off the primal steps leave on the active constraints (large when Q is tiny against the linear
    /// term, as in the return-seeking end of the efficient frontier): the smallest correction in the Q-metric that
    /// makes every active constraint hold exactly is Δ = J₁R⁻ᵀr for the residuals r, since N_AᵀJ₁ = Rᵀ. Two passes.
    /// </summary>
    private void Polish()
    {
        for (var pass = 0; pass < 2 && _q > 0; pass++)
        {
            for (var k = 0; k < _q; k++)
            {
                var c = _active[k];
                var sum = _constraints.Rhs[c] - _constraints.Dot(c, _x);
                for (var i = 0; i < k; i++) sum -= _r[i * _n + k] * _step[i];
                _step[k] = sum / _r[k * _n + k];
            }
            for (var k = 0; k < _q; k++)
            {
                if (_step[k] != 0) DenseMath.Axpy(_step[k], _jt.AsSpan(k * _n, _n), _x);
            }
        }
    }

    private void AddEquality(int e)
    {
        _constraints.MultiplyJt(e, _jt, _n, _d);
        var freeNormSquared = PrepareStep();
        var residual = _constraints.Rhs[e] - _constraints.Dot(e, _x);
        if (IsDependent(freeNormSquared))
        {
            if (Math.Abs(residual) > _options.FeasibilityTolerance * _constraints.Norms[e] * (1 + Math.Abs(_constraints.Rhs[e])) * 1e3)
            {
                throw new OptimizationException($"QP infeasible: equality \"{_constraints.Names[e]}\" contradicts the equalities before it.");
            }
            return; // redundant with the earlier equalities
        }
        var t = residual / freeNormSquared;
        DenseMath.Axpy(t, _z, _x);
        for (var k = 0; k < _q; k++) _u[k] -= t * _step[k];
        _u[_q] = t;
        _active[_q] = e;
        if (!AddToFactorisation())
        {
            throw new OptimizationException($"QP: equality \"{_constraints.Names[e]}\" is numerically dependent on the equalities before it.");
        }
        _isActive[e] = true;
    }

    private int MostViolated()
    {
        var worst = -_options.FeasibilityTolerance;
        var chosen = -1;
        for (var k = _constraints.EqualityCount; k < _constraints.Count; k++)
        {
            if (_isActive[k]) continue;
            var scaled = (_constraints.Dot(k, _x) - _constraints.Rhs[k]) / _constraints.Norms[k];
            if (scaled < worst)
            {
                worst = scaled;
                chosen = k;
            }
        }
        return chosen;
    }

    /// <summary>Steps until constraint <paramref name="p"/> is satisfied and active, dropping blockers on the way.</summary>
    private void Enforce(int p)
    {
        var slack = _constraints.Dot(p, _x) - _constraints.Rhs[p];
        _u[_q] = 0;
        _active[_q] = p;
        while (true)
        {
            if (++Iterations > _maxIterations)
            {
                throw new OptimizationException($"QP did not converge in {_maxIterations} iterations (last constraint: \"{_constraints.Names[p]}\"); the problem is badly scaled or degenerate.");
            }
            _constraints.MultiplyJt(p, _jt, _n, _d);
            var freeNormSquared = PrepareStep();

            // Partial (dual) step: the largest step keeping every active inequality's multiplier ≥ 0.
            var partial = double.PositiveInfinity;
            var blocker = -1;
            for (var k = 0; k < _q; k++)
            {
                if (_active[k] < _constraints.EqualityCount || _step[k] <= 0) continue;
                var ratio = _u[k] / _step[k];
                if (ratio < partial)
                {
                    partial = ratio;
                    blocker = k;
                }
            }
            // Full (primal) step: the step that makes constraint p hold with equality.
            var full = IsDependent(freeNormSquared) ? double.PositiveInfinity : -slack / freeNormSquared;
            var step = Math.Min(partial, full);
            if (double.IsPositiveInfinity(step))
            {
                throw new OptimizationException(
                    $"QP infeasible: \"{_constraints.Names[p]}\" cannot hold together with {Describe(ActiveNamesWithEqualities())}; relax the bounds, caps or target.");
            }
            for (var k = 0; k < _q; k++) _u[k] -= step * _step[k];
            _u[_q] += step;
            if (double.IsPositiveInfinity(full))
            {
                Drop(blocker);
                continue;
            }
            DenseMath.Axpy(step, _z, _x);
            if (full <= partial)
            {
                if (!AddToFactorisation())
                {
                    throw new OptimizationException($"QP: constraint \"{_constraints.Names[p]}\" is numerically dependent on the active set; the constraints are degenerate.");
                }
                _isActive[p] = true;
                return;
            }
            Drop(blocker);
            slack = _constraints.Dot(p, _x) - _constraints.Rhs[p];
        }
    }

    private List<string> ActiveNamesWithEqualities()
    {
        var names = new List<string>();
        for (var k = 0; k < _q; k++) names.Add(_constraints.Names[_active[k]]);
        return names;
    }

    private static string Describe(List<string> names) =>
        names.Count == 0 ? "no other constraint"
        : names.Count <= 6 ? string.Join(", ", names.Select(n => $"\"{n}\""))
        : string.Join(", ", names.Take(6).Select(n => $"\"{n}\"")) + $" and {names.Count - 6} more";

    /// <summary>From d = Jᵀnₚ: z = J₂d₂ (primal direction) and r = R⁻¹d₁ (dual direction); returns ‖d₂‖² = nₚᵀz.</summary>
    private double PrepareStep()
    {
        Array.Clear(_z);
        var freeNormSquared = 0.0;
        for (var j = _q; j < _n; j++)
        {
            var dj = _d[j];
            if (dj == 0) continue;
            freeNormSquared += dj * dj;
            DenseMath.Axpy(dj, _jt.AsSpan(j * _n, _n), _z);
        }
        for (var i = _q - 1; i >= 0; i--)
        {
            var row = _r.AsSpan(i * _n, _n);
            var sum = _d[i];
            for (var k = i + 1; k < _q; k++) sum -= row[k] * _step[k];
            _step[i] = sum / row[i];
        }
        return freeNormSquared;
    }

    private bool IsDependent(double freeNormSquared)
    {
        var total = 0.0;
        for (var j = 0; j < _n; j++) total += _d[j] * _d[j];
        return freeNormSquared <= DependenceRatioSquared * total || freeNormSquared == 0;
    }

    /// <summary>
    /// Maps d's free part (entries q..n−1) onto entry q with one Householder reflection H = I − 2vvᵀ/vᵀv applied to the
    /// free rows of Jt, and appends d as R's new column. vᵀJt_free = z − α·Jt_q reuses z from <see cref="PrepareStep"/>,
    /// so the update is one rank-1 pass over the free rows (half the work of n − q Givens rotations, all of it SIMD axpy).
    /// </summary>
    private bool AddToFactorisation()
    {
        var n = _n;
        var q = _q;
        var tailSquared = 0.0;
        for (var j = q + 1; j < n; j++) tailSquared += _d[j] * _d[j];
        if (tailSquared > 0)
        {
            // Requires _z = Σ_{j≥q} d_j·Jt_j from PrepareStep on this same d (every caller adds right after it).
            var freeNormSquared = tailSquared + _d[q] * _d[q];
            var sigma = Math.Sqrt(freeNormSquared);
            // α takes the sign opposite to d_q so v_q = d_q − α never cancels.
            var alpha = _d[q] >= 0 ? -sigma : sigma;
            var vq = _d[q] - alpha;
            var vtv = tailSquared + vq * vq;
            var rowQ = _jt.AsSpan(q * n, n);
            for (var k = 0; k < n; k++) _w[k] = _z[k] - alpha * rowQ[k];
            DenseMath.Axpy(-2.0 * vq / vtv, _w, rowQ);
            for (var j = q + 1; j < n; j++)
            {
                var vj = _d[j];
                if (vj == 0) continue;
                DenseMath.Axpy(-2.0 * vj / vtv, _w, _jt.AsSpan(j * n, n));
                _d[j] = 0;
            }
            _d[q] = alpha;
        }
        for (var i = 0; i <= q; i++) _r[i * n + q] = _d[i];
        var pivot = Math.Abs(_d[q]);
        if (pivot <= AddPivotEpsilon * _rNorm)
        {
            for (var i = 0; i <= q; i++) _r[i * n + q] = 0;
            return false;
        }
        _q++;
        _rNorm = Math.Max(_rNorm, pivot);
        return true;
    }

    /// <summary>Removes the active constraint at position <paramref name="position"/>; the candidate at q moves down.</summary>
    private void Drop(int position)
    {
        _isActive[_active[position]] = false;
        for (var k = position; k < _q; k++)
        {
            _active[k] = _active[k + 1];
            _u[k] = _u[k + 1];
        }
        for (var i = 0; i < _q; i++)
        {
            var row = i * _n;
            for (var c = position; c < _q - 1; c++) _r[row + c] = _r[row + c + 1];
            _r[row + _q - 1] = 0;
        }
        _q--;
        for (var j = position; j < _q; j++)
        {
            var a = _r[j * _n + j];
            var b = _r[(j + 1) * _n + j];
            if (b == 0) continue;
            var h = Math.Sqrt(a * a + b * b);
            var c = a / h;
            var s = b / h;
            _r[j * _n + j] = h;
            _r[(j + 1) * _n + j] = 0;
            var width = _q - j - 1;
            if (width > 0) DenseMath.Reflect(_r.AsSpan(j * _n + j + 1, width), _r.AsSpan((j + 1) * _n + j + 1, width), c, s);
            DenseMath.Reflect(_jt.AsSpan(j * _n, _n), _jt.AsSpan((j + 1) * _n, _n), c, s);
        }
    }

    private double[] UnconstrainedMinimum(double[] linear)
    {
        // x = −G⁻¹c = −J Jᵀ c with Jt = Jᵀ = L⁻¹.
        var projected = new double[_n];
        for (var j = 0; j < _n; j++) projected[j] = DenseMath.Dot(_jt.AsSpan(j * _n, _n), linear);
        var x = new double[_n];
        for (var j = 0; j < _n; j++)
        {
            if (projected[j] != 0) DenseMath.Axpy(-projected[j], _jt.AsSpan(j * _n, _n), x);
        }
        return x;
    }

    /// <summary>L⁻¹ of a row-major lower-triangular L by forward substitution, row by row.</summary>
    private static double[] InvertLower(double[] lower, int n)
    {
        var inverse = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            var row = inverse.AsSpan(i * n, i + 1);
            row[i] = 1.0;
            for (var m = 0; m < i; m++)
            {
                var coefficient = lower[i * n + m];
                if (coefficient != 0) DenseMath.Axpy(-coefficient, inverse.AsSpan(m * n, m + 1), row);
            }
            var diagonal = lower[i * n + i];
            for (var k = 0; k <= i; k++) row[k] /= diagonal;
        }
        return inverse;
    }
}
