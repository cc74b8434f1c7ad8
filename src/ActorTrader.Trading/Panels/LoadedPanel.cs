using ActorTrader.Strategies.Panel;

namespace ActorTrader.Trading.Panels;

/// <summary>
/// A loaded panel and where it came from: <see cref="Source"/> (lakehouse, csv or synthetic), whether the data is
/// <see cref="Synthetic"/>, what the source was (<see cref="Location"/>: a directory — relative to
/// <see cref="PanelDataSources.WorkingDirectory"/> when inside it — or the seed), and
/// <see cref="Skipped"/>: each source tried before it and why it was passed over — all recorded in the run's audit.
/// </summary>
public sealed record LoadedPanel(
    BarPanel Panel,
    PanelSourceKind Source,
    bool Synthetic,
    string Location,
    IReadOnlyList<string> Skipped,
    IReadOnlyList<SymbolCoverage> Coverage);

/// <summary>How many bars a symbol has in the panel and its first and last bar time (null when it has none).</summary>
public sealed record SymbolCoverage(string Symbol, int Bars, DateTimeOffset? First, DateTimeOffset? Last);
