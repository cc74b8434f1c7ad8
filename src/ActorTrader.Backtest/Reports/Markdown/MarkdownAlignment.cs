namespace ActorTrader.Backtest.Reports;

/// <summary>How a Markdown table column is aligned (the <c>:---</c>, <c>---:</c>, <c>:---:</c> separators).</summary>
public enum MarkdownAlignment
{
    Left,
    Right,
    Center,
}
