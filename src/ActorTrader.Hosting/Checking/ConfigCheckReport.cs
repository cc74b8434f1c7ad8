using ActorTrader.Hocon;

namespace ActorTrader.Hosting.Checking;

/// <summary>The outcome of <see cref="ConfigCheck.Run"/>.</summary>
/// <param name="NodeFile">The node file that was checked.</param>
/// <param name="Problems">Each problem with its position and fix; empty when the configuration is fine.</param>
public sealed record ConfigCheckReport(string NodeFile, IReadOnlyList<ConfigProblem> Problems)
{
    public bool IsClean => Problems.Count == 0;
}
