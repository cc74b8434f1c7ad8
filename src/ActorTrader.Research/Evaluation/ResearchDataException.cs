namespace ActorTrader.Research.Evaluation;

/// <summary>The bars research needs cannot be loaded; the message names the symbols or source and the fix.</summary>
public sealed class ResearchDataException : Exception
{
    public ResearchDataException() : this("The research data cannot be loaded.") { }

    public ResearchDataException(string message) : base(message) { }

    public ResearchDataException(string message, Exception innerException) : base(message, innerException) { }
}
