namespace ActorTrader.Research.Evaluation.Distributed;

/// <summary>A research node cannot do (or read) a piece of evaluation work; the message names the work, the node's difference and the fix.</summary>
public sealed class EvaluationWorkException : Exception
{
    public EvaluationWorkException() : this("The evaluation work cannot be done on this node.") { }

    public EvaluationWorkException(string message) : base(message) { }

    public EvaluationWorkException(string message, Exception innerException) : base(message, innerException) { }
}
