namespace ActorTrader.Trading.Panels;

/// <summary>A sleeve's bars could not be loaded; the message names the source, the missing symbols and the fix.</summary>
public sealed class PanelLoadException : Exception
{
    public PanelLoadException() { }

    public PanelLoadException(string message) : base(message) { }

    public PanelLoadException(string message, Exception innerException) : base(message, innerException) { }

    public PanelLoadException(string message, IReadOnlyList<string> missingSymbols, Exception? innerException = null)
        : base(message, innerException)
    {
        MissingSymbols = missingSymbols;
    }

    /// <summary>The symbols the chosen source does not hold (empty when the failure was not about missing symbols).</summary>
    public IReadOnlyList<string> MissingSymbols { get; } = [];
}
