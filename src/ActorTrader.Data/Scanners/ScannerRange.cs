namespace ActorTrader.Data.Scanners;

/// <summary>Inclusive bounds of one filter; a missing bound is open. <see cref="WindowDays"/> is 0 for filters without a window.</summary>
public sealed record ScannerRange(decimal? Min, decimal? Max, int WindowDays = 0)
{
    public bool Contains(decimal value) => (Min is not { } min || value >= min) && (Max is not { } max || value <= max);

    public override string ToString() =>
        (Min, Max) switch
        {
            ({ } min, { } max) => $"{min}..{max}",
            ({ } min, null) => $">= {min}",
            (null, { } max) => $"<= {max}",
            _ => "any",
        } + (WindowDays > 0 ? $" over {WindowDays} days" : "");
}
