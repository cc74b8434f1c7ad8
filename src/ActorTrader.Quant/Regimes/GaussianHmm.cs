using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Regimes;

/// <summary>
/// Gaussian hidden Markov model with one-dimensional emissions (default two states, e.g. calm / turbulent markets), fitted by
/// expectation–maximisation (Baum–Welch) with Rabiner's per-step scaling and a log-space emission shift against underflow.
/// <para>
/// Initialisation is deterministic: EM is run from two starts — observations split into K equal groups by value, and by
/// distance from the median (captures regimes that differ mainly in variance) — each with a sticky transition matrix
/// (0.9 on the diagonal). The fit with the higher log-likelihood is returned. Variances are floored at 1e-6 × the sample
/// variance so a state cannot collapse onto a single point.
/// </para>
/// </summary>
public static class GaussianHmm
{
    private const double StayProbability = 0.9;

    /// <summary>Fits the model to <paramref name="observations"/> (finite values, at least 10 per state).</summary>
    public static GaussianHmmFit Fit(ReadOnlySpan<double> observations, int states = 2, int maxIterations = 500, double tolerance = 1e-8)
    {
        if (states < 2) throw new ArgumentOutOfRangeException(nameof(states), states, "states must be at least 2.");
        if (maxIterations < 1) throw new ArgumentOutOfRangeException(nameof(maxIterations), maxIterations, "maxIterations must be at least 1.");
        if (!(tolerance > 0)) throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "tolerance must be positive, e.g. 1e-8.");
        for (var i = 0; i < observations.Length; i++)
        {
            if (!double.IsFinite(observations[i])) throw new ArgumentException($"observations[{i}] is {observations[i]}; fill or drop missing periods first.", nameof(observations));
        }
        if (observations.Length < 10 * states)
            throw new ArgumentException($"observations has {observations.Length} values; a {states}-state model needs at least {10 * states}.", nameof(observations));

        var x = observations.ToArray();
        var mean = x.Average();
        var variance = x.Sum(v => (v - mean) * (v - mean)) / x.Length;
        if (variance == 0) throw new ArgumentException("observations is constant; there are no regimes to separate.", nameof(observations));
        var floor = 1e-6 * variance;

        var median = Sorted(x)[x.Length / 2];
        var byValue = RunEm(x, InitialGroups(x, v => v, states), floor, maxIterations, tolerance);
        var byDistance = RunEm(x, InitialGroups(x, v => Math.Abs(v - median), states), floor, maxIterations, tolerance);
        return Ordered(byValue.LogLikelihood >= byDistance.LogLikelihood ? byValue : byDistance, maxIterations, tolerance);
    }

    internal static int[] Viterbi(GaussianHmmFit model, ReadOnlySpan<double> observations)
    {
        var k = model.States;
        var n = observations.Length;
        if (n == 0) return [];
        var logA = model.Transitions.Map(Math.Log);
        var delta = new double[k];
        var back = new int[n, k];
        for (var i = 0; i < k; i++) delta[i] = Math.Log(model.InitialProbabilities[i]) + LogDensity(observations[0], model.Means[i], model.Variances[i]);
        var next = new double[k];
        for (var t = 1; t < n; t++)
        {
            for (var j = 0; j < k; j++)
            {
                var best = double.NegativeInfinity;
                var arg = 0;
                for (var i = 0; i < k; i++)
                {
                    var score = delta[i] + logA[i, j];
                    if (score > best) (best, arg) = (score, i);
                }
                next[j] = best + LogDensity(observations[t], model.Means[j], model.Variances[j]);
                back[t, j] = arg;
            }
            (delta, next) = (next, delta);
        }
        var path = new int[n];
        for (var i = 1; i < k; i++) if (delta[i] > delta[path[n - 1]]) path[n - 1] = i;
        for (var t = n - 1; t > 0; t--) path[t - 1] = back[t, path[t]];
        return path;
    }

    internal static Matrix<double> Posteriors(GaussianHmmFit model, ReadOnlySpan<double> observations)
    {
        var p = new Parameters(model.InitialProbabilities.ToArray(), model.Transitions.ToArray(), model.Means.ToArray(), model.Variances.ToArray());
        var pass = ForwardBackward(observations.ToArray(), p);
        return Matrix<double>.Build.Dense(observations.Length, model.States, (t, i) => pass.Gamma[t][i]);
    }

    private sealed record Parameters(double[] Pi, double[,] A, double[] Mu, double[] Var);

    private sealed record Pass(double[][] Gamma, double[,] XiSum, double LogLikelihood);

    private static double[][] InitialGroups(double[] x, Func<double, double> key, int k)
    {
        var order = Enumerable.Range(0, x.Length).OrderBy(i => key(x[i])).ThenBy(i => i).ToArray();
        var groups = new double[k][];
        for (var g = 0; g < k; g++)
        {
            var from = g * x.Length / k;
            var to = (g + 1) * x.Length / k;
            groups[g] = [.. order[from..to].Select(i => x[i])];
        }
        return groups;
    }

    private static (Parameters Model, double LogLikelihood, int Iterations, bool Converged) RunEm(
        double[] x, double[][] groups, double floor, int maxIterations, double tolerance)
    {
        var k = groups.Length;
        var a = new double[k, k];
        for (var i = 0; i < k; i++)
            for (var j = 0; j < k; j++) a[i, j] = i == j ? StayProbability : (1 - StayProbability) / (k - 1);
        var mu = groups.Select(g => g.Average()).ToArray();
        var var = groups.Select((g, i) => Math.Max(floor, g.Sum(v => (v - mu[i]) * (v - mu[i])) / g.Length)).ToArray();
        var model = new Parameters(Enumerable.Repeat(1.0 / k, k).ToArray(), a, mu, var);

        var previous = double.NegativeInfinity;
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            var pass = ForwardBackward(x, model);
            // The likelihood of the parameters that produced this pass; EM never lowers it, so a small gain means converged.
            if (pass.LogLikelihood - previous < tolerance)
                return (model, pass.LogLikelihood, iteration, true);
            previous = pass.LogLikelihood;
            model = Maximise(x, pass, floor);
        }
        return (model, ForwardBackward(x, model).LogLikelihood, maxIterations, false);
    }

    private static Pass ForwardBackward(double[] x, Parameters p)
    {
        var n = x.Length;
        var k = p.Mu.Length;
        var b = new double[n][];
        var logLikelihood = 0.0;
        for (var t = 0; t < n; t++)
        {
            b[t] = new double[k];
            var max = double.NegativeInfinity;
            for (var i = 0; i < k; i++) max = Math.Max(max, b[t][i] = LogDensity(x[t], p.Mu[i], p.Var[i]));
            for (var i = 0; i < k; i++) b[t][i] = Math.Exp(b[t][i] - max);
            logLikelihood += max; // densities are shifted by e^−max; add it back once per step
        }

        var alpha = new double[n][];
        var scale = new double[n];
        for (var t = 0; t < n; t++)
        {
            alpha[t] = new double[k];
            for (var j = 0; j < k; j++)
            {
                double s;
                if (t == 0) s = p.Pi[j];
                else
                {
                    s = 0;
                    for (var i = 0; i < k; i++) s += alpha[t - 1][i] * p.A[i, j];
                }
                alpha[t][j] = s * b[t][j];
            }
            scale[t] = alpha[t].Sum();
            for (var j = 0; j < k; j++) alpha[t][j] /= scale[t];
            logLikelihood += Math.Log(scale[t]);
        }

        var beta = new double[n][];
        beta[n - 1] = Enumerable.Repeat(1.0, k).ToArray();
        for (var t = n - 2; t >= 0; t--)
        {
            beta[t] = new double[k];
            for (var i = 0; i < k; i++)
            {
                var s = 0.0;
                for (var j = 0; j < k; j++) s += p.A[i, j] * b[t + 1][j] * beta[t + 1][j];
                beta[t][i] = s / scale[t + 1];
            }
        }

        var gamma = new double[n][];
        var xi = new double[k, k];
        for (var t = 0; t < n; t++)
        {
            gamma[t] = new double[k];
            var total = 0.0;
            for (var i = 0; i < k; i++) total += gamma[t][i] = alpha[t][i] * beta[t][i];
            for (var i = 0; i < k; i++) gamma[t][i] /= total;
            if (t == n - 1) continue;
            for (var i = 0; i < k; i++)
                for (var j = 0; j < k; j++)
                    xi[i, j] += alpha[t][i] * p.A[i, j] * b[t + 1][j] * beta[t + 1][j] / scale[t + 1];
        }
        return new Pass(gamma, xi, logLikelihood);
    }

    private static Parameters Maximise(double[] x, Pass pass, double floor)
    {
        var n = x.Length;
        var k = pass.Gamma[0].Length;
        var pi = pass.Gamma[0].ToArray();
        var a = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            var row = 0.0;
            for (var j = 0; j < k; j++) row += pass.XiSum[i, j];
            for (var j = 0; j < k; j++) a[i, j] = row > 0 ? pass.XiSum[i, j] / row : (i == j ? 1 : 0);
        }
        var mu = new double[k];
        var var = new double[k];
        for (var i = 0; i < k; i++)
        {
            double w = 0, s = 0;
            for (var t = 0; t < n; t++)
            {
                w += pass.Gamma[t][i];
                s += pass.Gamma[t][i] * x[t];
            }
            mu[i] = w > 0 ? s / w : 0;
            var v = 0.0;
            for (var t = 0; t < n; t++) v += pass.Gamma[t][i] * (x[t] - mu[i]) * (x[t] - mu[i]);
            var[i] = Math.Max(floor, w > 0 ? v / w : floor);
        }
        return new Parameters(pi, a, mu, var);
    }

    private static GaussianHmmFit Ordered((Parameters Model, double LogLikelihood, int Iterations, bool Converged) fit, int maxIterations, double tolerance)
    {
        var p = fit.Model;
        var order = Enumerable.Range(0, p.Mu.Length).OrderBy(i => p.Var[i]).ThenBy(i => p.Mu[i]).ToArray();
        var k = order.Length;
        var transitions = Matrix<double>.Build.Dense(k, k, (i, j) => p.A[order[i], order[j]]);
        return new GaussianHmmFit(
            [.. order.Select(i => p.Pi[i])], transitions, [.. order.Select(i => p.Mu[i])], [.. order.Select(i => p.Var[i])],
            fit.LogLikelihood, fit.Iterations, fit.Converged, tolerance, maxIterations);
    }

    private static double LogDensity(double x, double mean, double variance) =>
        -0.5 * (Math.Log(2 * Math.PI * variance) + (x - mean) * (x - mean) / variance);

    private static double[] Sorted(double[] x)
    {
        var copy = (double[])x.Clone();
        Array.Sort(copy);
        return copy;
    }
}
