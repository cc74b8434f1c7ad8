using ActorTrader.Hocon;

namespace ActorTrader.Hosting.Settings;

/// <summary>One thing wrong with a configuration: where it is, what is wrong and how to fix it.</summary>
/// <param name="Key">The HOCON path concerned, when there is one.</param>
/// <param name="Position">Where the offending value was written (file:line:col), when known.</param>
/// <param name="Message">What is wrong, naming the key and the value.</param>
/// <param name="Fix">What the operator should do about it.</param>
public sealed record ConfigProblem(string? Key, HoconPosition? Position, string Message, string Fix)
{
    /// <summary><c>file:line:col</c>, else the key, else <c>configuration</c>.</summary>
    public string Location => Position is { } p ? $"{p.Source}:{p.Line}:{p.Column}" : Key ?? "configuration";

    public override string ToString() => $"{Location}: {Message} Fix: {Fix}";

    /// <summary>A parse error, positioned where the parser stopped.</summary>
    public static ConfigProblem FromHocon(HoconException exception, string source, string fix)
    {
        ArgumentNullException.ThrowIfNull(exception);
        // The parser's message starts with file:line:col, which Location prints already.
        if (exception.Position is not { } position) return new ConfigProblem(null, null, $"{source}: {exception.Message}", fix);
        var prefix = $"{position}: ";
        var message = exception.Message.StartsWith(prefix, StringComparison.Ordinal) ? exception.Message[prefix.Length..] : exception.Message;
        return new ConfigProblem(null, position, message, fix);
    }
}
