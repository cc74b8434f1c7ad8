using System.Globalization;

namespace ActorTrader.Research.Evolution;

/// <summary>
/// Watches a population's best fitness per generation. After K generations without an improvement (by more than the
/// tolerance) it says <see cref="StagnationVerdict.InjectDiversity"/> once; after 2K it says
/// <see cref="StagnationVerdict.Restart"/> and starts counting afresh from that generation (the best fitness is kept,
/// as a restart keeps the elites). Generations are counted by number, so a skipped generation number counts as flat.
/// </summary>
public sealed class StagnationMonitor
{
    private StagnationState _state;

    public StagnationMonitor(int k = 5, double tolerance = 1e-6)
        : this(new StagnationSettings { Generations = k, Tolerance = tolerance }, StagnationState.Initial)
    {
    }

    public StagnationMonitor(StagnationSettings settings)
        : this(settings, StagnationState.Initial)
    {
    }

    private StagnationMonitor(StagnationSettings settings, StagnationState state)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        Settings = settings;
        _state = state;
    }

    public StagnationSettings Settings { get; }

    /// <summary>The current state, for the journal.</summary>
    public StagnationState State => _state;

    /// <summary>A monitor that continues from <paramref name="state"/> (as journaled from <see cref="State"/>).</summary>
    public static StagnationMonitor FromState(StagnationState state, StagnationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.LastGeneration >= 0 &&
            (double.IsNaN(state.BestFitness) || state.BestGeneration > state.LastGeneration || state.FlatSince > state.LastGeneration ||
             state.BestGeneration < 0 || state.FlatSince < state.BestGeneration))
            throw new ArgumentException($"Stagnation state {state} is inconsistent (generations out of order or NaN best); the journal entry is damaged.", nameof(state));
        return new StagnationMonitor(settings, state);
    }

    /// <summary>The verdict after <paramref name="generation"/>, whose best fitness is <paramref name="bestFitness"/>.</summary>
    public StagnationVerdict Observe(int generation, double bestFitness)
    {
        if (double.IsNaN(bestFitness))
            throw new ArgumentOutOfRangeException(nameof(bestFitness), bestFitness, $"Best fitness of generation {generation} is NaN; score failed genomes with FitnessResult.WorstFitness.");
        var s = _state;
        if (s.LastGeneration < 0)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(generation);
            _state = new StagnationState(generation, bestFitness, generation, generation, false);
            return StagnationVerdict.None;
        }
        if (generation <= s.LastGeneration)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Generation {generation} was observed after generation {s.LastGeneration}; each generation is observed once, in order."), nameof(generation));
        if (bestFitness > s.BestFitness + Settings.Tolerance)
        {
            _state = new StagnationState(generation, bestFitness, generation, generation, false);
            return StagnationVerdict.None;
        }
        var flat = (long)generation - s.FlatSince;
        if (flat >= 2L * Settings.Generations)
        {
            _state = s with { LastGeneration = generation, FlatSince = generation, Injected = false };
            return StagnationVerdict.Restart;
        }
        if (flat >= Settings.Generations && !s.Injected)
        {
            _state = s with { LastGeneration = generation, Injected = true };
            return StagnationVerdict.InjectDiversity;
        }
        _state = s with { LastGeneration = generation };
        return StagnationVerdict.None;
    }
}
