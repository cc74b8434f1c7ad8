using ActorTrader.Research.Randomness;

namespace ActorTrader.Research.Synthetic;

/// <summary>
/// One symbol's planted path: a quiet log random walk (σ 0.4% per bar, volume 1M × e^(0.1·z)) with events every
/// 34–73 bars, half of them true breakouts (close +8% on exactly 6× volume, then +0.75% a bar for
/// <see cref="PlantedMarket.PlantedHoldBars"/> bars, then all of it given back over as many bars), half fakes (+4% on
/// exactly 2× volume, given back over three bars). Plateau paths are flat: every price 100, volume 1M.
/// </summary>
internal static class PlantedPrices
{
    private const double Noise = 0.004;
    private const double VolumeNoise = 0.1;
    private const double TrueJump = 0.08;
    private const double TrueRise = 0.06;
    private const double TrueVolume = 6;
    private const double FakeJump = 0.04;
    private const double FakeVolume = 2;
    private const int FakeFallBars = 3;
    private const int FirstEvent = 30;
    private const int BaseVolume = 1_000_000;

    public static void Generate(ResearchRandom random, int bars, bool plateau, double[] open, double[] high, double[] low, double[] close, double[] volume)
    {
        if (plateau)
        {
            Array.Fill(open, 100.0);
            Array.Fill(high, 100.0);
            Array.Fill(low, 100.0);
            Array.Fill(close, 100.0);
            Array.Fill(volume, BaseVolume);
            return;
        }
        var drift = new double[bars];
        var multiple = new double[bars];
        var hold = PlantedMarket.PlantedHoldBars;
        // After a true event the next one waits until the peak has left a 20-bar breakout window (hold + 20 + slack).
        var minimumGap = 3 * hold + 10;
        for (var e = FirstEvent + random.NextInt(40); e + 2 * hold < bars; e += minimumGap + random.NextInt(40))
        {
            if (random.NextDouble() < 0.5)
            {
                drift[e] = TrueJump;
                multiple[e] = TrueVolume;
                for (var k = 1; k <= hold; k++) drift[e + k] = TrueRise / hold;
                for (var k = hold + 1; k <= 2 * hold; k++) drift[e + k] = -(TrueJump + TrueRise) / hold;
            }
            else
            {
                drift[e] = FakeJump;
                multiple[e] = FakeVolume;
                for (var k = 1; k <= FakeFallBars; k++) drift[e + k] = -FakeJump / FakeFallBars;
            }
        }
        var logClose = Math.Log(100);
        for (var t = 0; t < bars; t++)
        {
            var previous = Math.Exp(logClose);
            logClose += Noise * random.NextGaussian() + drift[t];
            var c = Math.Exp(logClose);
            open[t] = previous;
            close[t] = c;
            high[t] = Math.Max(previous, c) * (1 + 0.5 * Noise * Math.Abs(random.NextGaussian()));
            low[t] = Math.Min(previous, c) * (1 - 0.5 * Noise * Math.Abs(random.NextGaussian()));
            var noise = Math.Exp(VolumeNoise * random.NextGaussian());
            volume[t] = Math.Round(multiple[t] > 0 ? multiple[t] * BaseVolume : BaseVolume * noise);
        }
    }
}
