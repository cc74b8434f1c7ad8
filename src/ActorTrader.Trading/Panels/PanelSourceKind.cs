namespace ActorTrader.Trading.Panels;

/// <summary>
/// Where a sleeve's bars come from. <see cref="Auto"/> is the embedded-default rule: the lakehouse when it holds every
/// symbol, else the bundled CSV samples when they do, else the deterministic synthetic generator.
/// </summary>
public enum PanelSourceKind
{
    Auto,
    Lakehouse,
    Csv,
    Synthetic,
}
