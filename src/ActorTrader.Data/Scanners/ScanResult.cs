using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Scanners;

/// <summary>The outcome of one scan: candidates (ranked, limited), how many were evaluated, why the others failed, and per-symbol data errors.</summary>
public sealed record ScanResult(
    ScannerDefinition Scanner,
    DateTimeOffset AsOf,
    int Evaluated,
    IReadOnlyList<ScanCandidate> Candidates,
    IReadOnlyDictionary<string, int> FailedByFilter,
    IReadOnlyList<(Symbol Symbol, string Error)> Errors);
