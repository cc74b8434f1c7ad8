namespace ActorTrader.Research.Actors.Population;

/// <summary>What a population is doing.</summary>
public enum PopulationPhase
{
    /// <summary>No run yet: nothing journaled.</summary>
    NotStarted,

    /// <summary>Recovered, or paused (the window closed, an operator stopped it, its generation budget is spent): waiting to evolve.</summary>
    Idle,

    /// <summary>Loading its data and checking it against the pinned window.</summary>
    Loading,

    /// <summary>Running generations.</summary>
    Evolving,

    /// <summary>The run reached its generation limit.</summary>
    Completed,

    /// <summary>It cannot go on (the data changed under the pinned window, the data cannot be loaded, the backend failed); <see cref="PopulationStatus.Error"/> says why.</summary>
    Failed,
}
