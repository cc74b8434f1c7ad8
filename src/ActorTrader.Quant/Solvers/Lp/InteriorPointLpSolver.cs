using ActorTrader.Quant.Portfolio;

namespace ActorTrader.Quant.Solvers.Lp;

/// <summary>
/// Primal-dual interior-point solver (Mehrotra predictor-corrector, infeasible start) for a <see cref="LinearProgram"/>,
/// including its optional −β ln x terms, which enter as shifted complementarity targets xz = β + σμ. Deterministic:
/// fixed starting point, no randomness, explicit <see cref="LpTolerances"/>. Interior-point iterates converge to the
/// analytic centre of the optimal face, which is also what conic solvers (CLARABEL, ECOS) return when an LP has many
/// optima, so results are comparable with Riskfolio-Lib. Infeasible, unbounded and non-converging problems throw
/// <see cref="OptimizationException"/> naming the program.
/// </summary>
public sealed class InteriorPointLpSolver
{
    private const double StepFraction = 0.9995;
    private const int StallIterations = 30;
    private const double MinimumStep = 0.1;
    private readonly LpTolerances _tolerances;
    private readonly NormalEquationsStrategy _strategy;

    /// <summary>A solver with <paramref name="tolerances"/> (default <see cref="LpTolerances.Default"/>).</summary>
    public InteriorPointLpSolver(LpTolerances? tolerances = null)
        : this(tolerances, NormalEquationsStrategy.Automatic)
    {
    }

    /// <summary>A solver that always uses <paramref name="strategy"/> for its Newton systems (tests compare them).</summary>
    internal InteriorPointLpSolver(LpTolerances? tolerances, NormalEquationsStrategy strategy)
    {
        _tolerances = tolerances ?? LpTolerances.Default;
        _strategy = strategy;
    }

    /// <summary>Solves <paramref name="program"/> to the configured tolerances.</summary>
    public LpSolution Solve(LinearProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var form = StandardForm.From(program);
        var run = new Iterations(form, NormalEquationsChoice.Create(form, _strategy), _tolerances, program.Name);
        run.Execute();
        var values = form.RecoverValues(run.X);
        var objective = 0.0;
        for (var j = 0; j < values.Length; j++)
        {
            objective += program.Costs[j] * values[j];
            if (program.LogWeights[j] > 0) objective -= program.LogWeights[j] * Math.Log(values[j] - program.LowerBounds[j]);
        }
        return new LpSolution(values, objective, form.RecoverDuals(run.Y), run.Count, run.PrimalResidual, run.DualResidual, run.Complementarity);
    }

    /// <summary>The state of one solve: iterates x, z (lower-bound duals), t = u − x, w (upper-bound duals), y.</summary>
    private sealed class Iterations
    {
        private readonly StandardForm _f;
        private readonly LpTolerances _tol;
        private readonly string _name;
        private readonly INormalEquations _normal;
        private readonly int _n;
        private readonly int _m;
        private readonly bool[] _hasUpper;
        private readonly int _pairs;
        private readonly double[] _z;
        private readonly double[] _t;
        private readonly double[] _w;
        private readonly double[] _theta;
        private readonly Direction _affine;
        private readonly Direction _step;
        private readonly double[] _rp;
        private readonly double[] _rd;
        private readonly double[] _ru;
        private readonly double[] _rxz;
        private readonly double[] _rtw;

        public Iterations(StandardForm form, INormalEquations normal, LpTolerances tolerances, string name)
        {
            (_f, _normal, _tol, _name) = (form, normal, tolerances, name);
            (_n, _m) = (form.Columns, form.Rows);
            X = new double[_n];
            Y = new double[_m];
            (_z, _t, _w, _theta) = (new double[_n], new double[_n], new double[_n], new double[_n]);
            (_rp, _rd, _ru, _rxz, _rtw) = (new double[_m], new double[_n], new double[_n], new double[_n], new double[_n]);
            _affine = new Direction(_n, _m, _normal.FreeColumns.Count);
            _step = new Direction(_n, _m, _normal.FreeColumns.Count);
            _hasUpper = new bool[_n];
            for (var j = 0; j < _n; j++)
            {
                _hasUpper[j] = double.IsFinite(form.Upper[j]);
                if (!form.IsFree[j]) _pairs++;
                if (_hasUpper[j]) _pairs++;
            }
        }

        public double[] X { get; }
        public double[] Y { get; }
        public int Count { get; private set; }
        public double PrimalResidual { get; private set; }
        public double DualResidual { get; private set; }
        public double Complementarity { get; private set; }

        public void Restore(double[] x, double[] y, double primal, double dual, double complementarity)
        {
            Array.Copy(x, X, X.Length);
            Array.Copy(y, Y, Y.Length);
            (PrimalResidual, DualResidual, Complementarity) = (primal, dual, complementarity);
        }

        public void Execute()
        {
            Start();
            var (normB, normC, normU) = (NormInf(_f.Rhs), NormInf(_f.Cost), 0.0);
            for (var j = 0; j < _n; j++) if (_hasUpper[j]) normU = Math.Max(normU, _f.Upper[j]);
            var best = new BestIterate(_n, _m);
            for (Count = 0; ; Count++)
            {
                var mu = Residuals(normB, normC, normU);
                var merit = Math.Max(PrimalResidual / _tol.PrimalFeasibility, Math.Max(DualResidual / _tol.DualFeasibility, Complementarity / _tol.Complementarity));
                if (merit <= 1) return;
                CheckCertificates();
                var stalled = best.Offer(merit, this) > StallIterations;
                if (Count >= _tol.MaxIterations || stalled)
                {
                    // Round-off can stop progress just short of the tolerances; a nearly converged earlier iterate is still the answer.
                    if (best.Merit <= _tol.AcceptableFactor)
                    {
                        best.Restore(this);
                        return;
                    }
                    var why = stalled ? $"stalled after {Count} iterations" : $"did not converge in {_tol.MaxIterations} iterations";
                    throw new OptimizationException($"{_name}: the interior-point LP solver {why} (relative primal residual {best.PrimalResidual:G3}, dual {best.DualResidual:G3}, gap {best.Complementarity:G3} at its best iterate); the problem is probably ill-posed or badly scaled, or loosen LpTolerances.");
                }
                for (var j = 0; j < _n; j++)
                {
                    if (_f.IsFree[j]) continue;
                    var d = _z[j] / X[j] + (_hasUpper[j] ? _w[j] / _t[j] : 0.0);
                    _theta[j] = 1.0 / d;
                }
                _normal.Factor(_theta);
                for (var j = 0; j < _n; j++)
                {
                    _rxz[j] = _f.IsFree[j] ? 0 : _f.LogWeight[j] - X[j] * _z[j];
                    _rtw[j] = _hasUpper[j] ? -_t[j] * _w[j] : 0;
                }
                SolveDirection(_affine);
                var (ap, ad) = StepToBoundary(_affine, 1.0);
                var muAffine = ComplementarityAfter(_affine, ap, ad) / Math.Max(_pairs, 1);
                var sigma = mu > 0 ? Math.Clamp(Math.Pow(muAffine / mu, 3), 0, 1) : 0;
                for (var j = 0; j < _n; j++)
                {
                    _rxz[j] = _f.IsFree[j] ? 0 : sigma * mu + _f.LogWeight[j] - X[j] * _z[j] - _affine.X[j] * _affine.Z[j];
                    _rtw[j] = _hasUpper[j] ? sigma * mu - _t[j] * _w[j] - _affine.T[j] * _affine.W[j] : 0;
                }
                SolveDirection(_step);
                (ap, ad) = StepToBoundary(_step, StepFraction);
                if (Math.Min(ap, ad) < MinimumStep)
                {
                    // The second-order correction can point straight at a bound (notably with log terms far from the
                    // optimum); a pure centring step towards xz = β + μ always makes progress.
                    for (var j = 0; j < _n; j++)
                    {
                        _rxz[j] = _f.IsFree[j] ? 0 : mu + _f.LogWeight[j] - X[j] * _z[j];
                        _rtw[j] = _hasUpper[j] ? mu - _t[j] * _w[j] : 0;
                    }
                    SolveDirection(_step);
                    (ap, ad) = StepToBoundary(_step, StepFraction);
                }
                Apply(_step, ap, ad);
            }
        }

        private void Start()
        {
            for (var j = 0; j < _n; j++)
            {
                if (_f.IsFree[j]) continue;
                X[j] = _hasUpper[j] ? Math.Min(1.0, _f.Upper[j] / 2) : 1.0;
                _z[j] = Math.Max(1.0, _f.LogWeight[j] / X[j]);
                if (!_hasUpper[j]) continue;
                _t[j] = _f.Upper[j] - X[j];
                _w[j] = 1.0;
            }
        }

        /// <summary>Fills the residuals and the relative measures; returns μ.</summary>
        private double Residuals(double normB, double normC, double normU)
        {
            var (start, rows, values) = (_f.ColumnStart, _f.RowIndex, _f.Values);
            Array.Copy(_f.Rhs, _rp, _m);
            var primalObjective = 0.0;
            var complementarity = 0.0;
            var upperResidual = 0.0;
            for (var j = 0; j < _n; j++)
            {
                var xj = X[j];
                var aty = 0.0;
                for (var p = start[j]; p < start[j + 1]; p++)
                {
                    _rp[rows[p]] -= values[p] * xj;
                    aty += values[p] * Y[rows[p]];
                }
                _rd[j] = _f.Cost[j] - aty - _z[j] + _w[j];
                _ru[j] = _hasUpper[j] ? _f.Upper[j] - xj - _t[j] : 0;
                upperResidual = Math.Max(upperResidual, Math.Abs(_ru[j]));
                primalObjective += _f.Cost[j] * xj;
                if (!_f.IsFree[j]) complementarity += Math.Abs(xj * _z[j] - _f.LogWeight[j]);
                if (_hasUpper[j]) complementarity += _t[j] * _w[j];
            }
            PrimalResidual = Math.Max(NormInf(_rp) / (1 + normB), upperResidual / (1 + normU));
            DualResidual = NormInf(_rd) / (1 + normC);
            Complementarity = complementarity / (1 + Math.Abs(primalObjective));
            return complementarity / Math.Max(_pairs, 1);
        }

        /// <summary>Throws when the iterate has become a Farkas ray proving primal infeasibility or unboundedness.</summary>
        private void CheckCertificates()
        {
            var dualNorm = Math.Max(NormInf(Y), Math.Max(NormInf(_z), NormInf(_w)));
            var dualRayObjective = 0.0;
            for (var i = 0; i < _m; i++) dualRayObjective += _f.Rhs[i] * Y[i];
            var rayResidual = 0.0;
            for (var j = 0; j < _n; j++)
            {
                if (_hasUpper[j]) dualRayObjective -= _f.Upper[j] * _w[j];
                rayResidual = Math.Max(rayResidual, Math.Abs(_f.Cost[j] - _rd[j]));
            }
            if (dualNorm > _tol.DivergenceNorm && dualRayObjective > 0 && rayResidual <= _tol.CertificateTolerance * dualRayObjective)
            {
                throw new OptimizationException($"{_name}: the LP is infeasible (a Farkas certificate was found after {Count} iterations); the constraints contradict each other or the bounds, relax the targets, bounds or caps.");
            }
            var primalNorm = NormInf(X);
            var primalRayObjective = 0.0;
            var rowResidual = 0.0;
            for (var j = 0; j < _n; j++)
            {
                primalRayObjective -= _f.Cost[j] * X[j];
                if (_f.LogWeight[j] > 0) primalRayObjective += _f.LogWeight[j] * Math.Log(X[j]);
            }
            for (var i = 0; i < _m; i++) rowResidual = Math.Max(rowResidual, Math.Abs(_f.Rhs[i] - _rp[i]));
            if (primalNorm > _tol.DivergenceNorm && primalRayObjective > 0 && rowResidual <= _tol.CertificateTolerance * primalRayObjective)
            {
                throw new OptimizationException($"{_name}: the LP is unbounded (the objective decreases without limit along a feasible ray found after {Count} iterations); add bounds or constraints on the variables.");
            }
        }

        private void SolveDirection(Direction d)
        {
            var (start, rows, values) = (_f.ColumnStart, _f.RowIndex, _f.Values);
            var g = d.Y;
            Array.Copy(_rp, g, _m);
            var free = 0;
            for (var j = 0; j < _n; j++)
            {
                if (_f.IsFree[j])
                {
                    d.HFree[free++] = _rd[j];
                    continue;
                }
                var h = _rd[j] - _rxz[j] / X[j];
                if (_hasUpper[j]) h += (_rtw[j] - _w[j] * _ru[j]) / _t[j];
                d.H[j] = h;
                var scaled = _theta[j] * h;
                for (var p = start[j]; p < start[j + 1]; p++) g[rows[p]] += values[p] * scaled;
            }
            _normal.Solve(g, d.HFree, d.XFree);
            free = 0;
            for (var j = 0; j < _n; j++)
            {
                if (_f.IsFree[j])
                {
                    d.X[j] = d.XFree[free++];
                    d.Z[j] = d.T[j] = d.W[j] = 0;
                    continue;
                }
                var aty = 0.0;
                for (var p = start[j]; p < start[j + 1]; p++) aty += values[p] * g[rows[p]];
                var dx = _theta[j] * (aty - d.H[j]);
                d.X[j] = dx;
                d.Z[j] = (_rxz[j] - _z[j] * dx) / X[j];
                if (_hasUpper[j])
                {
                    d.T[j] = _ru[j] - dx;
                    d.W[j] = (_rtw[j] - _w[j] * d.T[j]) / _t[j];
                }
                else
                {
                    d.T[j] = d.W[j] = 0;
                }
            }
        }

        private (double Primal, double Dual) StepToBoundary(Direction d, double fraction)
        {
            var (ap, ad) = (1.0 / fraction, 1.0 / fraction);
            for (var j = 0; j < _n; j++)
            {
                if (_f.IsFree[j]) continue;
                if (d.X[j] < 0) ap = Math.Min(ap, -X[j] / d.X[j]);
                if (d.Z[j] < 0) ad = Math.Min(ad, -_z[j] / d.Z[j]);
                if (!_hasUpper[j]) continue;
                if (d.T[j] < 0) ap = Math.Min(ap, -_t[j] / d.T[j]);
                if (d.W[j] < 0) ad = Math.Min(ad, -_w[j] / d.W[j]);
            }
            return (fraction * ap, fraction * ad);
        }

        private double ComplementarityAfter(Direction d, double ap, double ad)
        {
            var sum = 0.0;
            for (var j = 0; j < _n; j++)
            {
                if (!_f.IsFree[j]) sum += Math.Abs((X[j] + ap * d.X[j]) * (_z[j] + ad * d.Z[j]) - _f.LogWeight[j]);
                if (_hasUpper[j]) sum += (_t[j] + ap * d.T[j]) * (_w[j] + ad * d.W[j]);
            }
            return sum;
        }

        private void Apply(Direction d, double ap, double ad)
        {
            for (var j = 0; j < _n; j++)
            {
                X[j] += ap * d.X[j];
                _z[j] += ad * d.Z[j];
                if (!_hasUpper[j]) continue;
                _t[j] += ap * d.T[j];
                _w[j] += ad * d.W[j];
            }
            for (var i = 0; i < _m; i++) Y[i] += ad * d.Y[i];
        }

        private static double NormInf(double[] v)
        {
            var max = 0.0;
            foreach (var x in v) max = Math.Max(max, Math.Abs(x));
            return max;
        }
    }

    /// <summary>The iterate closest to the tolerances so far, with the number of iterations since it last improved.</summary>
    private sealed class BestIterate(int n, int m)
    {
        private readonly double[] _x = new double[n];
        private readonly double[] _y = new double[m];
        private int _sinceImprovement;

        public double Merit { get; private set; } = double.PositiveInfinity;
        public double PrimalResidual { get; private set; }
        public double DualResidual { get; private set; }
        public double Complementarity { get; private set; }

        public int Offer(double merit, Iterations run)
        {
            if (merit >= 0.9 * Merit) return ++_sinceImprovement;
            (Merit, PrimalResidual, DualResidual, Complementarity) = (merit, run.PrimalResidual, run.DualResidual, run.Complementarity);
            Array.Copy(run.X, _x, _x.Length);
            Array.Copy(run.Y, _y, _y.Length);
            return _sinceImprovement = 0;
        }

        public void Restore(Iterations run) => run.Restore(_x, _y, PrimalResidual, DualResidual, Complementarity);
    }

    /// <summary>One Newton direction and its scratch space.</summary>
    private sealed class Direction(int n, int m, int free)
    {
        public double[] X { get; } = new double[n];
        public double[] Z { get; } = new double[n];
        public double[] T { get; } = new double[n];
        public double[] W { get; } = new double[n];
        public double[] Y { get; } = new double[m];
        public double[] H { get; } = new double[n];
        public double[] HFree { get; } = new double[free];
        public double[] XFree { get; } = new double[free];
    }
}
