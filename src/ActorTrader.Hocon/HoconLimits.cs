namespace ActorTrader.Hocon;

/// <summary>
/// Bounds that keep hostile or broken input from overflowing the stack (an uncatchable crash in .NET) or running
/// for ever. Real configurations stay far below them.
/// </summary>
internal static class HoconLimits
{
    /// <summary>Deepest nesting of objects and arrays, counting dotted-key levels and include points.</summary>
    public const int MaxDepth = 256;

    /// <summary>Deepest chain of substitutions and nested values followed while resolving one value.</summary>
    public const int MaxResolutionDepth = 512;
}
