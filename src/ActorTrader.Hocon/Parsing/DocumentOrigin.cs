using System.Reflection;

namespace ActorTrader.Hocon.Parsing;

/// <summary>Where a document came from: its name for positions, and where its relative includes are looked up.</summary>
internal sealed record DocumentOrigin(string Name, string? Directory, Assembly? Assembly, string? ResourceName = null);
