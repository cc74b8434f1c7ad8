namespace ActorTrader.Research.Evolution;

/// <summary>What a population should do after a generation, as judged by <see cref="StagnationMonitor"/>.</summary>
public enum StagnationVerdict
{
    /// <summary>Carry on.</summary>
    None,

    /// <summary>The best fitness has not improved for K generations: add random immigrants and raise the mutation rate.</summary>
    InjectDiversity,

    /// <summary>The best fitness has not improved for 2K generations: restart the population, keeping the elites.</summary>
    Restart,
}
