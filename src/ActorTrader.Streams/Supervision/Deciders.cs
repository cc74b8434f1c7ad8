namespace ActorTrader.Streams.Supervision;

/// <summary>The standard deciders (Akka.Streams' <c>Supervision.Deciders</c>).</summary>
public static class Deciders
{
    /// <summary>Fails the stream on every error (the default).</summary>
    public static readonly Decider StoppingDecider = _ => Directive.Stop;

    /// <summary>Drops the failing element and continues.</summary>
    public static readonly Decider ResumingDecider = _ => Directive.Resume;

    /// <summary>Drops the failing element and resets the stage's state.</summary>
    public static readonly Decider RestartingDecider = _ => Directive.Restart;
}
