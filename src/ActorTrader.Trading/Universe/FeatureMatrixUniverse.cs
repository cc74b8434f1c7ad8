using ActorTrader.Data.Features;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Trading.Universe;

/// <summary>Resolves <see cref="UniverseSettings"/> against the features matrix on disk into a filter, or none.</summary>
public static class FeatureMatrixUniverse
{
    /// <summary>
    /// The filter over <paramref name="symbols"/> read from <paramref name="matrixPath"/> when the source is
    /// <see cref="UniverseSource.Features"/>, or <see cref="UniverseSource.Auto"/> and the file exists; null for none.
    /// </summary>
    /// <exception cref="FileNotFoundException">The source is features and the file does not exist; the message names it and the fix.</exception>
    /// <exception cref="InvalidDataException">The file cannot be read (see <see cref="FeatureMatrixFile.Read"/>).</exception>
    public static FeatureMatrixUniverseFilter? Open(UniverseSettings settings, string matrixPath, IReadOnlyList<Symbol> symbols, TimeSpan decisionBar)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(matrixPath);
        ArgumentNullException.ThrowIfNull(symbols);
        if (settings.Source == UniverseSource.None) return null;
        if (!File.Exists(matrixPath))
        {
            if (settings.Source == UniverseSource.Auto) return null;
            throw new FileNotFoundException(
                $"{UniverseSettings.Section}.source = features, but the features matrix {matrixPath} does not exist. " +
                $"Fix: run `actortrader ingest` for the symbols, then `actortrader features backfill`; or set {UniverseSettings.Section}.source = auto or none.",
                matrixPath);
        }
        // One row group per symbol: reading symbol by symbol keeps memory at the symbols asked for.
        var rows = symbols.Distinct().Order().SelectMany(s => FeatureMatrixFile.Read(matrixPath, s));
        return new FeatureMatrixUniverseFilter(rows, settings.Rules, decisionBar);
    }
}
