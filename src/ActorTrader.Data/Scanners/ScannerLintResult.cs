using ActorTrader.Hocon;

namespace ActorTrader.Data.Scanners;

/// <summary>The lint of one scanner file: the definition when there were no problems, else the problems (in file order).</summary>
public sealed record ScannerLintResult(string Source, ScannerDefinition? Definition, IReadOnlyList<ConfigProblem> Problems)
{
    public bool IsClean => Problems.Count == 0 && Definition is not null;
}
