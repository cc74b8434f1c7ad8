namespace ActorTrader.Quant.Forecasting.Fitting;

/// <summary>Outcome of a minimisation: the best point, its value, and whether the tolerance was met within the budget.</summary>
public sealed record Minimum(double[] Point, double Value, bool Converged, int Evaluations);

/// <summary>
/// Nelder–Mead simplex minimiser (standard coefficients 1, 2, 0.5, 0.5), deterministic and allocation-light: the model
/// likelihoods it serves are evaluated thousands of times per symbol. Infeasible points may return +∞; the start must be
/// feasible. Converged when the spread of values over the simplex and the simplex size are both below tolerance.
/// </summary>
public static class NelderMead
{
    public static Minimum Minimize(Func<double[], double> objective, double[] start, double step, double tolerance = 1e-9,
        int maxEvaluations = 4000, CancellationToken cancellationToken = default)
    {
        var n = start.Length;
        var points = new double[n + 1][];
        var values = new double[n + 1];
        var evaluations = 0;
        double Evaluate(double[] x)
        {
            evaluations++;
            var v = objective(x);
            return double.IsNaN(v) ? double.PositiveInfinity : v;
        }
        for (var i = 0; i <= n; i++)
        {
            points[i] = (double[])start.Clone();
            if (i > 0) points[i][i - 1] += step;
            values[i] = Evaluate(points[i]);
        }
        if (double.IsPositiveInfinity(values[0]))
            throw new ArgumentException("The objective is infinite at the starting point; start from a feasible point.", nameof(start));
        var order = new int[n + 1];
        var centroid = new double[n];
        var trial = new double[n];
        var trial2 = new double[n];
        while (true)
        {
            for (var i = 0; i <= n; i++) order[i] = i;
            Array.Sort(order, (a, b) => values[a].CompareTo(values[b]));
            int best = order[0], worst = order[n], second = order[n - 1];
            var size = 0.0;
            for (var i = 1; i <= n; i++)
                for (var k = 0; k < n; k++) size = Math.Max(size, Math.Abs(points[order[i]][k] - points[best][k]));
            var spread = Math.Abs(values[worst] - values[best]);
            if (spread <= tolerance * (Math.Abs(values[best]) + tolerance) && size <= Math.Sqrt(tolerance))
                return new Minimum((double[])points[best].Clone(), values[best], true, evaluations);
            if (evaluations >= maxEvaluations)
                return new Minimum((double[])points[best].Clone(), values[best], false, evaluations);
            cancellationToken.ThrowIfCancellationRequested();

            Array.Clear(centroid);
            for (var i = 0; i < n; i++)
                for (var k = 0; k < n; k++) centroid[k] += points[order[i]][k] / n;
            for (var k = 0; k < n; k++) trial[k] = centroid[k] + (centroid[k] - points[worst][k]);
            var reflected = Evaluate(trial);
            if (reflected < values[best])
            {
                for (var k = 0; k < n; k++) trial2[k] = centroid[k] + 2 * (centroid[k] - points[worst][k]);
                var expanded = Evaluate(trial2);
                if (expanded < reflected) Replace(worst, trial2, expanded);
                else Replace(worst, trial, reflected);
                continue;
            }
            if (reflected < values[second])
            {
                Replace(worst, trial, reflected);
                continue;
            }
            var outside = reflected < values[worst];
            for (var k = 0; k < n; k++)
                trial2[k] = outside ? centroid[k] + 0.5 * (trial[k] - centroid[k]) : centroid[k] + 0.5 * (points[worst][k] - centroid[k]);
            var contracted = Evaluate(trial2);
            if (contracted < Math.Min(reflected, values[worst]))
            {
                Replace(worst, trial2, contracted);
                continue;
            }
            for (var i = 1; i <= n; i++)
            {
                var p = points[order[i]];
                for (var k = 0; k < n; k++) p[k] = points[best][k] + 0.5 * (p[k] - points[best][k]);
                values[order[i]] = Evaluate(p);
            }
        }

        void Replace(int index, double[] x, double value)
        {
            Array.Copy(x, points[index], n);
            values[index] = value;
        }
    }
}
