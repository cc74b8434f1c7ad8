namespace ActorTrader.Data.Scanners;

/// <summary>A scanner read from <c>hocon/scanners/NAME.conf</c> after <see cref="ScannerLint"/> found nothing wrong.</summary>
/// <param name="Source">The file it was read from.</param>
/// <param name="LookbackDays">Daily bars read per symbol to evaluate the filters (at least the longest window + 1).</param>
/// <param name="Limit">Most candidates kept, highest average dollar volume first; null keeps all.</param>
public sealed record ScannerDefinition(
    string Name,
    string Description,
    string Source,
    ScanDirection Direction,
    ScannerUniverse Universe,
    ScannerFilters Filters,
    int LookbackDays,
    int? Limit);
