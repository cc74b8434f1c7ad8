namespace ActorTrader.Cli.Parquet;

/// <summary>A problem with the user's input to a parquet tool; the message names the input (file:line:col, column) and the fix.</summary>
internal sealed class ParquetToolException : Exception
{
    public ParquetToolException(string message) : base(message) { }

    public ParquetToolException(string message, Exception inner) : base(message, inner) { }

    public ParquetToolException() { }
}
