using ActorTrader.Quant.Portfolio;

namespace ActorTrader.Quant.Solvers.Qp;

/// <summary>
/// The constraints of a <see cref="QuadraticProgram"/> in Goldfarb-Idnani form nᵀx ≥ b (equalities first, as
/// nᵀx = b). Bounds keep their unit normal ±eᵢ implicit so products with them cost O(1) or O(n).
/// </summary>
internal sealed class QpConstraintSet
{
    private readonly int[] _unitIndex;
    private readonly double[] _unitSign;
    private readonly double[]?[] _dense;

    private QpConstraintSet(int equalityCount, List<(string Name, int Unit, double Sign, double[]? Dense, double Rhs)> rows)
    {
        EqualityCount = equalityCount;
        Count = rows.Count;
        Names = rows.Select(r => r.Name).ToArray();
        _unitIndex = rows.Select(r => r.Unit).ToArray();
        _unitSign = rows.Select(r => r.Sign).ToArray();
        _dense = rows.Select(r => r.Dense).ToArray();
        Rhs = rows.Select(r => r.Rhs).ToArray();
        Norms = rows.Select(r => r.Dense is null ? 1.0 : Math.Sqrt(r.Dense.Sum(v => v * v))).ToArray();
    }

    public int EqualityCount { get; }

    public int Count { get; }

    public string[] Names { get; }

    public double[] Rhs { get; }

    public double[] Norms { get; }

    public static QpConstraintSet From(QuadraticProgram program)
    {
        var n = program.Size;
        if (program.Lower.Length != n || program.Upper.Length != n)
        {
            throw new ArgumentException($"Bounds have {program.Lower.Length} and {program.Upper.Length} entries; expected {n}.", nameof(program));
        }
        string Variable(int i) => program.VariableNames is { } names && i < names.Count ? names[i] : $"x[{i}]";
        var rows = new List<(string, int, double, double[]?, double)>();
        foreach (var equality in program.Equalities)
        {
            rows.Add((equality.Name, -1, 0, Coefficients(equality, n), equality.Bound));
        }
        var equalityCount = rows.Count;
        for (var i = 0; i < n; i++)
        {
            double lower = program.Lower[i], upper = program.Upper[i];
            if (double.IsNaN(lower) || double.IsNaN(upper) || lower > upper)
            {
                throw new OptimizationException($"QP: bounds of {Variable(i)} are [{lower}, {upper}]; the lower bound must not exceed the upper bound.");
            }
            if (lower > double.NegativeInfinity) rows.Add(($"lower bound of {Variable(i)}", i, 1.0, null, lower));
            if (upper < double.PositiveInfinity) rows.Add(($"upper bound of {Variable(i)}", i, -1.0, null, -upper));
        }
        foreach (var inequality in program.Inequalities)
        {
            // aᵀx ≤ b  ⇔  (−a)ᵀx ≥ −b.
            var negated = Coefficients(inequality, n).Select(v => -v).ToArray();
            rows.Add((inequality.Name, -1, 0, negated, -inequality.Bound));
        }
        return new QpConstraintSet(equalityCount, rows);
    }

    /// <summary>nₖᵀv.</summary>
    public double Dot(int k, double[] v)
    {
        var unit = _unitIndex[k];
        if (unit >= 0) return _unitSign[k] * v[unit];
        return DenseMath.Dot(_dense[k]!, v);
    }

    /// <summary>d = Jᵀnₖ where <paramref name="jt"/> holds Jᵀ row-major (row j = column j of J).</summary>
    public void MultiplyJt(int k, double[] jt, int n, double[] d)
    {
        var unit = _unitIndex[k];
        if (unit >= 0)
        {
            var sign = _unitSign[k];
            for (var j = 0; j < n; j++) d[j] = sign * jt[j * n + unit];
            return;
        }
        var normal = _dense[k]!;
        for (var j = 0; j < n; j++) d[j] = DenseMath.Dot(jt.AsSpan(j * n, n), normal);
    }

    private static double[] Coefficients(LinearConstraint constraint, int n)
    {
        if (constraint.Coefficients.Count != n)
        {
            throw new ArgumentException($"Constraint \"{constraint.Name}\" has {constraint.Coefficients.Count} coefficients; expected {n}.");
        }
        var values = constraint.Coefficients.ToArray();
        if (values.Any(v => !double.IsFinite(v)) || !double.IsFinite(constraint.Bound))
        {
            throw new OptimizationException($"QP: constraint \"{constraint.Name}\" has a NaN or infinite coefficient or bound.");
        }
        return values;
    }
}
