namespace ActorTrader.Trading.Day;

/// <summary>One step of a phase's work (reconcile, refresh-data, submit, ...): done, or failed with the reason and the exception.</summary>
internal sealed record StepOutcome(string Step, string? Failure, Exception? Error)
{
    public bool Succeeded => Failure is null;

    public static StepOutcome Ok(string step) => new(step, null, null);

    public static StepOutcome Failed(string step, Exception error) => new(step, $"{step} failed: {error.GetType().Name}: {error.Message}", error);

    public static StepOutcome Refused(string step, string reason) => new(step, $"{step}: {reason}", null);
}
