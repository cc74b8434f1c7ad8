namespace ActorTrader.Data.Providers.Synthetic;

/// <summary>
/// The log closing price of an instrument on each calendar day of a range: a factor-model geometric Brownian
/// motion, log P(d) = log P₀ + drift(d) + β·M(d) + S(d) + I(d) + J(d), where M is the market factor (one per seed,
/// on the NYSE schedule), S the sector factor, I the symbol's own walk and J its jumps. Because each term is a
/// pure function of (key, day), so is the sum, and the same day always gets the same value.
/// </summary>
internal static class SyntheticPath
{
    public static double[] LogCloses(SyntheticInstrument instrument, SyntheticTimeline timeline, SharedFactorCache factors, int first, int last)
    {
        var values = new double[last - first + 1];
        var marketSigma = instrument.MarketBeta * instrument.MarketSigma;
        for (var day = first; day <= last; day++)
        {
            // GBM drift: μ·t − ½·Σσ²·(regime-weighted time) so that the expected price grows at μ.
            var convexity = (marketSigma * marketSigma * timeline.Nyse.CumulativeUnitVariance(day))
                + (instrument.SectorSigma * instrument.SectorSigma * instrument.SectorSchedule.CumulativeUnitVariance(day))
                + (instrument.IdiosyncraticSigma * instrument.IdiosyncraticSigma * instrument.Schedule.CumulativeUnitVariance(day));
            values[day - first] = instrument.LogStartPrice + (instrument.Drift * instrument.Schedule.CumulativeYears(day)) - (0.5 * convexity);
        }
        factors.Accumulate(instrument.MarketKey, timeline.Nyse, marketSigma, first, last, values);
        factors.Accumulate(instrument.SectorKey, instrument.SectorSchedule, instrument.SectorSigma, first, last, values);
        BridgedRandomWalk.Accumulate(instrument.IdiosyncraticKey, instrument.Schedule, instrument.IdiosyncraticSigma, first, last, values);
        PoissonJumps.Accumulate(instrument.JumpKey, instrument.Jumps, timeline.DayCount, first, last, values);
        return values;
    }
}
