namespace ActorTrader.Quant.Solvers.Lp;

/// <summary>
/// A linear program to minimise: Σ cⱼxⱼ − Σ βⱼ ln(xⱼ − lⱼ) subject to sparse constraint rows and per-variable bounds
/// lⱼ ≤ xⱼ ≤ uⱼ (either may be infinite). The optional logarithmic weights βⱼ ≥ 0 keep the problem convex and are
/// what risk budgeting needs (Σ bᵢ ln wᵢ); with all βⱼ = 0 it is a plain LP. Build it once, then pass it to
/// <see cref="InteriorPointLpSolver"/>; the builder validates every index and number as it is added.
/// </summary>
public sealed class LinearProgram
{
    private readonly List<double> _cost = [];
    private readonly List<double> _lower = [];
    private readonly List<double> _upper = [];
    private readonly List<double> _logWeight = [];
    private readonly List<string> _variableNames = [];
    private readonly List<int[]> _rowVariables = [];
    private readonly List<double[]> _rowCoefficients = [];
    private readonly List<ConstraintRelation> _relations = [];
    private readonly List<double> _rhs = [];
    private readonly List<string> _rowNames = [];

    /// <summary>A program called <paramref name="name"/> (used in every error message).</summary>
    public LinearProgram(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The program's name, e.g. <c>min-cvar</c>.</summary>
    public string Name { get; }

    /// <summary>Number of variables added so far.</summary>
    public int VariableCount => _cost.Count;

    /// <summary>Number of constraint rows added so far.</summary>
    public int ConstraintCount => _rhs.Count;

    internal IReadOnlyList<double> Costs => _cost;
    internal IReadOnlyList<double> LowerBounds => _lower;
    internal IReadOnlyList<double> UpperBounds => _upper;
    internal IReadOnlyList<double> LogWeights => _logWeight;
    internal IReadOnlyList<int[]> RowVariables => _rowVariables;
    internal IReadOnlyList<double[]> RowCoefficients => _rowCoefficients;
    internal IReadOnlyList<ConstraintRelation> Relations => _relations;
    internal IReadOnlyList<double> RightHandSides => _rhs;

    /// <summary>Name of variable <paramref name="index"/>.</summary>
    public string VariableName(int index) => _variableNames[index];

    /// <summary>Name of constraint <paramref name="index"/>.</summary>
    public string ConstraintName(int index) => _rowNames[index];

    /// <summary>
    /// Adds a variable with objective coefficient <paramref name="cost"/> and bounds; returns its index.
    /// <paramref name="logWeight"/> β ≥ 0 adds −β·ln(x − lower) to the objective and needs a finite lower bound.
    /// </summary>
    public int AddVariable(string name, double cost, double lower = 0.0, double upper = double.PositiveInfinity, double logWeight = 0.0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var index = _cost.Count;
        if (!double.IsFinite(cost)) throw new ArgumentException($"{Name}: variable {name} has non-finite cost {cost}.", nameof(cost));
        if (double.IsNaN(lower) || double.IsNaN(upper) || lower == double.PositiveInfinity || upper == double.NegativeInfinity)
        {
            throw new ArgumentException($"{Name}: variable {name} has bounds [{lower}, {upper}]; use finite numbers or −∞ for lower, +∞ for upper.");
        }
        if (!double.IsFinite(logWeight) || logWeight < 0)
        {
            throw new ArgumentException($"{Name}: variable {name} has log weight {logWeight}; it must be finite and ≥ 0.", nameof(logWeight));
        }
        if (logWeight > 0 && !double.IsFinite(lower))
        {
            throw new ArgumentException($"{Name}: variable {name} has a log weight but no finite lower bound; ln(x − lower) needs one.", nameof(lower));
        }
        _cost.Add(cost);
        _lower.Add(lower);
        _upper.Add(upper);
        _logWeight.Add(logWeight);
        _variableNames.Add(name);
        return index;
    }

    /// <summary>Adds <paramref name="amount"/> to the objective coefficient of variable <paramref name="variable"/>.</summary>
    public void AddCost(int variable, double amount)
    {
        if ((uint)variable >= (uint)_cost.Count) throw new ArgumentOutOfRangeException(nameof(variable), variable, $"{Name} has {_cost.Count} variables.");
        if (!double.IsFinite(amount)) throw new ArgumentException($"{Name}: cost change {amount} on {_variableNames[variable]} is not finite.", nameof(amount));
        _cost[variable] += amount;
    }

    /// <summary>
    /// Adds the row Σ coefficients[k]·x[variables[k]] (relation) rhs; returns its index. Repeated variables are summed.
    /// </summary>
    public int AddConstraint(string name, ReadOnlySpan<int> variables, ReadOnlySpan<double> coefficients, ConstraintRelation relation, double rhs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (variables.Length != coefficients.Length)
        {
            throw new ArgumentException($"{Name}: constraint {name} has {variables.Length} variables but {coefficients.Length} coefficients.");
        }
        if (!double.IsFinite(rhs)) throw new ArgumentException($"{Name}: constraint {name} has non-finite right-hand side {rhs}.", nameof(rhs));
        for (var k = 0; k < variables.Length; k++)
        {
            if ((uint)variables[k] >= (uint)_cost.Count)
            {
                throw new ArgumentException($"{Name}: constraint {name} refers to variable {variables[k]}, but only {_cost.Count} exist; add variables first.");
            }
            if (!double.IsFinite(coefficients[k]))
            {
                throw new ArgumentException($"{Name}: constraint {name} has coefficient {coefficients[k]} on {_variableNames[variables[k]]}; check the input data for NaN/inf.");
            }
        }
        _rowVariables.Add(variables.ToArray());
        _rowCoefficients.Add(coefficients.ToArray());
        _relations.Add(relation);
        _rhs.Add(rhs);
        _rowNames.Add(name);
        return _rhs.Count - 1;
    }
}
