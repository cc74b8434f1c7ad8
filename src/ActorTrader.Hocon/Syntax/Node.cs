namespace ActorTrader.Hocon.Syntax;

/// <summary>An unresolved value as parsed; substitutions and concatenations are resolved later against the whole root.</summary>
internal abstract class Node(HoconPosition position)
{
    public HoconPosition Position { get; } = position;

    /// <summary>True when the value can only ever resolve to a non-object, so a later definition simply replaces earlier ones.</summary>
    public virtual bool IsPlainNonObject => false;
}
