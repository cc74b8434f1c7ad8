namespace ActorTrader.Streams;

/// <summary>
/// A stage's user function threw for <see cref="Element"/> and the supervision decider said Stop: the stream fails
/// with this exception, whose inner exception is the original error.
/// </summary>
public sealed class StreamElementException : Exception
{
    public StreamElementException(string stage, object? element, Exception cause)
        : base($"Stage {stage} failed on element {Describe(element)}: {cause?.Message} " +
               "Fix: handle the error in the function, or set a supervision decider " +
               "(.WithAttributes(ActorAttributes.CreateSupervisionStrategy(Deciders.ResumingDecider))) to drop failing elements.", cause)
    {
        Stage = stage;
        Element = element;
    }

    public StreamElementException() : this("unknown", null, new InvalidOperationException("No cause given."))
    {
    }

    public StreamElementException(string message) : base(message)
    {
        Stage = "unknown";
    }

    public StreamElementException(string message, Exception innerException) : base(message, innerException)
    {
        Stage = "unknown";
    }

    /// <summary>The stage that failed (its name attribute when it has one).</summary>
    public string Stage { get; }

    /// <summary>The element the stage was processing.</summary>
    public object? Element { get; }

    private static string Describe(object? element)
    {
        var text = element?.ToString() ?? "null";
        return text.Length <= 200 ? text : text[..200] + "…";
    }
}
