namespace ActorTrader.Hocon;

/// <summary>
/// One thing wrong with a configuration: where it is, what is wrong and how to fix it. Every settings reader
/// (node, persistence, data) and <c>actortrader config-check</c> report problems as these, so they print alike.
/// </summary>
/// <param name="Key">The HOCON path concerned, when there is one.</param>
/// <param name="Position">Where the offending value was written (file:line:col), when known.</param>
/// <param name="Message">What is wrong, naming the key and the value.</param>
/// <param name="Fix">What the operator should do about it.</param>
public sealed record ConfigProblem(string? Key, HoconPosition? Position, string Message, string Fix)
{
    /// <summary><c>file:line:col</c>, else the key, else <c>configuration</c>.</summary>
    public string Location => Position is { } p ? $"{p.Source}:{p.Line}:{p.Column}" : Key ?? "configuration";

    /// <inheritdoc />
    public override string ToString() => $"{Location}: {Message} Fix: {Fix}";

    /// <summary>A problem with <paramref name="key"/>, positioned where <paramref name="config"/> defines it (no position when it is missing).</summary>
    public static ConfigProblem At(Config config, string key, string message, string fix)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new ConfigProblem(key, config.GetPosition(key), message, fix);
    }

    /// <summary>A parse error, positioned where the parser stopped.</summary>
    public static ConfigProblem FromHocon(HoconException exception, string source, string fix)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Position is { } position
            ? new ConfigProblem(null, position, Describe(exception), fix)
            : new ConfigProblem(null, null, $"{source}: {exception.Message}", fix);
    }

    /// <summary>The exception's message without its leading <c>file:line:col</c>, which a problem's <see cref="Location"/> prints already.</summary>
    public static string Describe(HoconException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.Position is not { } position) return exception.Message;
        var prefix = $"{position}: ";
        return exception.Message.StartsWith(prefix, StringComparison.Ordinal) ? exception.Message[prefix.Length..] : exception.Message;
    }
}
