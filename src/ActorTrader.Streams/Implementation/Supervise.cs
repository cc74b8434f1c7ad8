using ActorTrader.Streams.Supervision;

namespace ActorTrader.Streams.Implementation;

/// <summary>Applies the supervision decider in force for a stage to an error of its user function.</summary>
internal static class Supervise
{
    public static Decider DeciderOf(Attributes attributes) =>
        attributes.GetAttribute<ActorAttributes.SupervisionStrategy>()?.Decider ?? Deciders.StoppingDecider;

    /// <summary>The stage's kind, with the name attribute in force when there is one: "Select (parse-bars)".</summary>
    public static string StageName(Attributes attributes, string stage) =>
        attributes.GetAttribute<Attributes.Name>() is { } name ? $"{stage} ({name.Value})" : stage;

    public static int InputBufferOf(Attributes attributes) => attributes.GetAttribute<Attributes.InputBuffer>()?.Max ?? 16;

    /// <summary>Returns Resume or Restart; for Stop throws <see cref="StreamElementException"/> carrying the element.</summary>
    public static Directive Decide(Decider decider, Exception error, string stage, object? element)
    {
        var directive = decider(error);
        return directive == Directive.Stop ? throw new StreamElementException(stage, element, error) : directive;
    }

    /// <summary>True for the cancellation this stage was asked for (not a user error that happens to be an OperationCanceledException).</summary>
    public static bool IsCancellation(Exception error, CancellationToken token) =>
        error is OperationCanceledException && token.IsCancellationRequested;
}
