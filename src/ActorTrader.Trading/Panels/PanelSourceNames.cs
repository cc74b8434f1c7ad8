namespace ActorTrader.Trading.Panels;

/// <summary>The text names of <see cref="PanelSourceKind"/> as written in sleeve files and audits.</summary>
public static class PanelSourceNames
{
    /// <summary>Every name, in the order <see cref="PanelSourceKind"/> declares them.</summary>
    public static IReadOnlyList<string> All { get; } = ["auto", "lakehouse", "csv", "synthetic"];

    public static string Name(PanelSourceKind kind) => kind switch
    {
        PanelSourceKind.Auto => "auto",
        PanelSourceKind.Lakehouse => "lakehouse",
        PanelSourceKind.Csv => "csv",
        PanelSourceKind.Synthetic => "synthetic",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown panel source."),
    };

    public static bool TryParse(string? text, out PanelSourceKind kind)
    {
        var index = All.ToList().IndexOf(text?.Trim().ToLowerInvariant() ?? "");
        kind = index < 0 ? PanelSourceKind.Auto : (PanelSourceKind)index;
        return index >= 0;
    }
}
