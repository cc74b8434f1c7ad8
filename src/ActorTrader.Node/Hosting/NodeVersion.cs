using System.Reflection;

namespace ActorTrader.Node.Hosting;

/// <summary>The node's version, from its assembly's informational version.</summary>
internal static class NodeVersion
{
    public static string Current { get; } =
        typeof(NodeVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(NodeVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
