namespace ActorTrader.Backtest.Market;

/// <summary>Input checks shared by the simulators; each error names the input and the fix.</summary>
internal static class Check
{
    public static void AscendingTimes(IReadOnlyList<DateTimeOffset> times, string name)
    {
        for (var t = 1; t < times.Count; t++)
        {
            if (times[t] <= times[t - 1])
                throw new ArgumentException($"{name} must be strictly ascending; {times[t]:O} follows {times[t - 1]:O}.", name);
        }
    }

    public static void Range(int start, int count, int length)
    {
        if (start < 0 || count < 0 || start + count > length)
            throw new ArgumentOutOfRangeException(nameof(start), start, $"Rows {start}..{start + count - 1} are outside 0..{length - 1}.");
    }

    public static void SameAxis(IReadOnlyList<Domain.Instruments.Symbol> symbols, IReadOnlyList<DateTimeOffset> times,
        IReadOnlyList<Domain.Instruments.Symbol> otherSymbols, IReadOnlyList<DateTimeOffset> otherTimes, string what)
    {
        if (symbols.Count != otherSymbols.Count || !symbols.SequenceEqual(otherSymbols))
            throw new ArgumentException($"The {what} has symbols {Preview(otherSymbols)} but the data has {Preview(symbols)}; build both from the same panel.", what);
        if (times.Count != otherTimes.Count)
            throw new ArgumentException($"The {what} has {otherTimes.Count} bars but the data has {times.Count}; build both from the same panel.", what);
        for (var t = 0; t < times.Count; t++)
        {
            if (times[t] != otherTimes[t])
                throw new ArgumentException($"Bar {t} of the {what} is {otherTimes[t]:O} but the data's is {times[t]:O}; build both from the same panel.", what);
        }
    }

    private static string Preview(IReadOnlyList<Domain.Instruments.Symbol> symbols) =>
        "[" + string.Join(", ", symbols.Take(5)) + (symbols.Count > 5 ? $", … ({symbols.Count})" : "") + "]";
}
