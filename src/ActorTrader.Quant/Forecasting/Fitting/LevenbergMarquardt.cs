using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Forecasting.Fitting;

/// <summary>
/// Levenberg–Marquardt for nonlinear least squares: minimises Σ r_i(θ)² where <c>residuals(θ, r)</c> fills r and returns
/// how many entries it wrote. The Jacobian is taken by forward differences, so any residual recursion (ARMA, seasonal,
/// regression errors) fits without hand-derived gradients. Converged when a step changes the sum of squares by less
/// than the relative tolerance.
/// </summary>
public static class LevenbergMarquardt
{
    public delegate int Residuals(double[] parameters, double[] residuals);

    public static Minimum Minimize(Residuals residuals, double[] start, int length, double tolerance = 1e-10, int maxIterations = 100,
        CancellationToken cancellationToken = default)
    {
        var k = start.Length;
        var theta = (double[])start.Clone();
        var r = new double[length];
        var rTrial = new double[length];
        var jacobian = new double[k][];
        for (var j = 0; j < k; j++) jacobian[j] = new double[length];
        var m = residuals(theta, r);
        var sse = SumOfSquares(r, m);
        var evaluations = 1;
        var lambda = 1e-3;
        var trial = new double[k];
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var j = 0; j < k; j++)
            {
                var h = 1e-6 * Math.Max(1, Math.Abs(theta[j]));
                Array.Copy(theta, trial, k);
                trial[j] += h;
                residuals(trial, rTrial);
                evaluations++;
                for (var i = 0; i < m; i++) jacobian[j][i] = (rTrial[i] - r[i]) / h;
            }
            var jtj = Matrix<double>.Build.Dense(k, k);
            var jtr = Vector<double>.Build.Dense(k);
            for (var a = 0; a < k; a++)
            {
                var ja = jacobian[a];
                var g = 0.0;
                for (var i = 0; i < m; i++) g += ja[i] * r[i];
                jtr[a] = g;
                for (var b = a; b < k; b++)
                {
                    var jb = jacobian[b];
                    var s = 0.0;
                    for (var i = 0; i < m; i++) s += ja[i] * jb[i];
                    jtj[a, b] = s;
                    jtj[b, a] = s;
                }
            }
            var improved = false;
            for (var attempt = 0; attempt < 30 && !improved; attempt++)
            {
                var damped = jtj.Clone();
                for (var a = 0; a < k; a++) damped[a, a] += lambda * Math.Max(jtj[a, a], 1e-12);
                Vector<double> step;
                try { step = damped.Solve(-jtr); }
                catch (Exception) { lambda *= 10; continue; }
                for (var a = 0; a < k; a++) trial[a] = theta[a] + step[a];
                var mTrial = residuals(trial, rTrial);
                evaluations++;
                var sseTrial = SumOfSquares(rTrial, mTrial);
                if (double.IsFinite(sseTrial) && sseTrial <= sse)
                {
                    var change = (sse - sseTrial) / Math.Max(sse, 1e-300);
                    Array.Copy(trial, theta, k);
                    Array.Copy(rTrial, r, mTrial);
                    m = mTrial;
                    sse = sseTrial;
                    lambda = Math.Max(lambda / 10, 1e-12);
                    improved = true;
                    if (change < tolerance) return new Minimum(theta, sse, true, evaluations);
                }
                else lambda *= 10;
            }
            // No damping found a downhill step: the gradient is numerically zero, i.e. we are at the minimum.
            if (!improved) return new Minimum(theta, sse, true, evaluations);
        }
        return new Minimum(theta, sse, false, evaluations);
    }

    private static double SumOfSquares(double[] r, int count)
    {
        var s = 0.0;
        for (var i = 0; i < count; i++) s += r[i] * r[i];
        return s;
    }
}
