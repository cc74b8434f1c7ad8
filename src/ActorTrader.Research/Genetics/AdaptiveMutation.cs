namespace ActorTrader.Research.Genetics;

/// <summary>
/// The per-gene mutation rate of the next generation, in the spirit of Rechenberg's 1/5th success rule applied to the
/// population: progress means the current region pays, so exploit it (rate ÷ factor); no progress means explore
/// (rate × factor); a collapsed population (diversity below the floor) is always pushed apart (rate × factor).
/// Always within [<see cref="BreedingSettings.MutationRateMin"/>, <see cref="BreedingSettings.MutationRateMax"/>].
/// </summary>
public static class AdaptiveMutation
{
    /// <param name="currentRate">This generation's rate (a non-finite or non-positive one restarts from the initial rate).</param>
    /// <param name="diversity">The population's <see cref="PopulationDiversity.Of"/> (NaN counts as collapsed).</param>
    /// <param name="improved">Whether the best fitness improved this generation.</param>
    /// <param name="settings">Bounds, factor and diversity floor.</param>
    public static double NextRate(double currentRate, double diversity, bool improved, BreedingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!double.IsFinite(currentRate) || currentRate <= 0) currentRate = settings.MutationRateInitial;
        var collapsed = !(diversity >= settings.DiversityFloor);
        var next = improved && !collapsed ? currentRate / settings.MutationRateFactor : currentRate * settings.MutationRateFactor;
        return Math.Clamp(next, settings.MutationRateMin, settings.MutationRateMax);
    }
}
