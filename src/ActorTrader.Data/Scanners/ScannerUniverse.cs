using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Scanners;

/// <summary>
/// Where a scanner's symbols come from: an explicit <see cref="Symbols"/> list, or every symbol the provider knows on
/// <see cref="Exchanges"/> and/or with <see cref="Profiles"/>. <see cref="Provider"/> null means the configured default.
/// </summary>
public sealed record ScannerUniverse(string? Provider, IReadOnlyList<Symbol> Symbols, IReadOnlyList<string> Exchanges, IReadOnlyList<AssetProfile> Profiles);
