using ActorTrader.Hocon;

namespace ActorTrader.Data.Scanners;

/// <summary>One thing wrong with a scanner file: where (file:line:col), the key, what is wrong and the fix.</summary>
public sealed record ScannerProblem(HoconPosition? Position, string Key, string Message, string Fix)
{
    public string Location => Position?.ToString() ?? Key;

    public override string ToString() => $"{Location}: {Message} Fix: {Fix}";
}
