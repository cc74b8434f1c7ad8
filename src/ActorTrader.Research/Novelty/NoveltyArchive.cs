namespace ActorTrader.Research.Novelty;

/// <summary>
/// Novelty search's archive of behaviour descriptors (<see cref="Fitness.FitnessResult.Behaviour"/>). The novelty of a
/// behaviour is its mean Euclidean distance to its k nearest neighbours among the archive and the current population.
/// When full, a newcomer replaces the least novel member (lowest novelty within the archive; the earlier member on a
/// tie) if it is more novel than that member, so the archive keeps its spread. Empty behaviours (failed evaluations) are
/// never archived, never neighbours, and score 0. Not thread-safe: one per population.
/// </summary>
public sealed class NoveltyArchive
{
    private readonly List<double[]> _members = [];
    private List<double[]> _population = [];

    public NoveltyArchive(int k = 20, int capacity = 500)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        K = k;
        Capacity = capacity;
    }

    public NoveltyArchive(NoveltySettings settings)
        : this(Validated(settings).K, settings.Capacity)
    {
    }

    public int K { get; }

    public int Capacity { get; }

    public int Count => _members.Count;

    /// <summary>The archived behaviours in archive order.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Members => _members;

    /// <summary>The journaled form; the current population is not part of it (it is set again each generation).</summary>
    public NoveltyArchiveState State => new(K, Capacity, [.. _members.Select(m => (IReadOnlyList<double>)[.. m])]);

    public static NoveltyArchive FromState(NoveltyArchiveState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(state.Members, nameof(state));
        if (state.Members.Count > state.Capacity)
            throw new ArgumentException($"Novelty archive state holds {state.Members.Count} behaviours for a capacity of {state.Capacity}; the journal entry is damaged.", nameof(state));
        var archive = new NoveltyArchive(state.K, state.Capacity);
        foreach (var member in state.Members)
        {
            var m = archive.Checked(member, nameof(state));
            if (m.Length == 0) throw new ArgumentException("Novelty archive state holds an empty behaviour; the journal entry is damaged.", nameof(state));
            archive._members.Add(m);
        }
        return archive;
    }

    /// <summary>Sets the current population (its behaviours are neighbours of every score until the next call).</summary>
    public void SetPopulation(IReadOnlyList<IReadOnlyList<double>> behaviours)
    {
        _population = [.. CheckedBatch(behaviours, nameof(behaviours)).Where(b => b.Length > 0)];
    }

    /// <summary>Mean distance of <paramref name="behaviour"/> to its k nearest in the archive ∪ current population (fewer if fewer exist; 0 if none).</summary>
    public double Score(IReadOnlyList<double> behaviour)
    {
        var b = Checked(behaviour, nameof(behaviour));
        return b.Length == 0 ? 0 : MeanNearest(b, _members.Concat(_population), skip: null);
    }

    /// <summary>
    /// Sets <paramref name="behaviours"/> as the current population and scores each against the archive and the other
    /// members (an individual is not its own neighbour).
    /// </summary>
    public IReadOnlyList<double> ScorePopulation(IReadOnlyList<IReadOnlyList<double>> behaviours)
    {
        var all = CheckedBatch(behaviours, nameof(behaviours));
        _population = [.. all.Where(b => b.Length > 0)];
        var scores = new double[all.Length];
        for (var i = 0; i < all.Length; i++)
        {
            if (all[i].Length == 0) continue;
            scores[i] = MeanNearest(all[i], _members.Concat(all.Where((b, j) => j != i && b.Length > 0)), skip: null);
        }
        return scores;
    }

    /// <summary>
    /// Offers <paramref name="behaviour"/> to the archive: added while there is room; when full it replaces the least
    /// novel member if it is more novel than that member. Returns whether it was archived.
    /// </summary>
    public bool Add(IReadOnlyList<double> behaviour)
    {
        var b = Checked(behaviour, nameof(behaviour));
        if (b.Length == 0) return false;
        if (_members.Count < Capacity)
        {
            _members.Add(b);
            return true;
        }
        var weakest = -1;
        var weakestNovelty = double.PositiveInfinity;
        for (var i = 0; i < _members.Count; i++)
        {
            var novelty = MeanNearest(_members[i], _members, skip: i);
            if (novelty < weakestNovelty)
            {
                weakestNovelty = novelty;
                weakest = i;
            }
        }
        var candidate = MeanNearest(b, _members, skip: weakest);
        if (!(candidate > weakestNovelty)) return false;
        _members[weakest] = b;
        return true;
    }

    private double MeanNearest(double[] b, IEnumerable<double[]> others, int? skip)
    {
        // The k smallest distances, kept sorted in a small buffer: O(n·k) and allocation-light for k ≪ n.
        var nearest = new List<double>(K + 1);
        var index = -1;
        foreach (var other in others)
        {
            index++;
            if (index == skip) continue;
            var d = Distance(b, other);
            if (nearest.Count == K && d >= nearest[^1]) continue;
            var at = nearest.BinarySearch(d);
            nearest.Insert(at < 0 ? ~at : at, d);
            if (nearest.Count > K) nearest.RemoveAt(K);
        }
        return nearest.Count == 0 ? 0 : nearest.Average();
    }

    private static double Distance(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = a[i] - b[i];
            sum += d * d;
        }
        return Math.Sqrt(sum);
    }

    /// <summary>A copy of <paramref name="behaviour"/>, checked finite and of the archive's dimension.</summary>
    private double[] Checked(IReadOnlyList<double> behaviour, string name)
    {
        ArgumentNullException.ThrowIfNull(behaviour, name);
        var copy = behaviour.ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            if (!double.IsFinite(copy[i])) throw new ArgumentException($"Behaviour value {i} is {copy[i]}; behaviour descriptors must be finite.", name);
        }
        var dimension = _members.Count > 0 ? _members[0].Length : _population.Count > 0 ? _population[0].Length : copy.Length;
        if (copy.Length > 0 && copy.Length != dimension)
            throw new ArgumentException($"Behaviour has {copy.Length} values but the archive's behaviours have {dimension}; one descriptor shape per population.", name);
        return copy;
    }

    private double[][] CheckedBatch(IReadOnlyList<IReadOnlyList<double>> behaviours, string name)
    {
        ArgumentNullException.ThrowIfNull(behaviours, name);
        var all = behaviours.Select(b => Checked(b, name)).ToArray();
        var shapes = all.Where(b => b.Length > 0).Select(b => b.Length).Distinct().ToArray();
        if (shapes.Length > 1)
            throw new ArgumentException($"Behaviours of one population have different lengths ({string.Join(", ", shapes)}); one descriptor shape per population.", name);
        return all;
    }

    private static NoveltySettings Validated(NoveltySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        return settings;
    }
}
