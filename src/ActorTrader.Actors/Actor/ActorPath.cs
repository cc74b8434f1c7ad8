using System.Text;

namespace ActorTrader.Actors;

/// <summary>
/// The address of an actor in its system's hierarchy, e.g. <c>akka://trading/user/account-1/orders</c>.
/// Equality ignores the incarnation uid, as in Akka.NET; references compare uids.
/// </summary>
public abstract class ActorPath : IEquatable<ActorPath>, IComparable<ActorPath>
{
    private protected ActorPath(string name, long uid)
    {
        Name = name;
        Uid = uid;
    }

    /// <summary>The last element ("orders" in <c>/user/account-1/orders</c>); "/" for the root.</summary>
    public string Name { get; }

    /// <summary>The incarnation id; 0 means "any incarnation".</summary>
    public long Uid { get; }

    public abstract ActorPath? Parent { get; }

    public abstract RootActorPath Root { get; }

    /// <summary>The system's address, e.g. <c>akka://trading</c>.</summary>
    public string Address => Root.AddressText;

    public int Depth
    {
        get
        {
            var depth = 0;
            for (var p = this; p.Parent is not null; p = p.Parent) depth++;
            return depth;
        }
    }

    /// <summary>The element names below the root, e.g. ["user", "account-1", "orders"].</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var elements = new string[Depth];
            var i = elements.Length;
            for (var p = this; p.Parent is not null; p = p.Parent) elements[--i] = p.Name;
            return elements;
        }
    }

    public ActorPath Child(string name, long uid = 0) => new ChildActorPath(this, name, uid);

    public static ActorPath operator /(ActorPath parent, string name)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return parent.Child(name);
    }

    /// <summary>The path without the system address, e.g. <c>/user/account-1/orders</c>.</summary>
    public string ToStringWithoutAddress()
    {
        if (Parent is null) return "/";
        var builder = new StringBuilder();
        foreach (var element in Elements) builder.Append('/').Append(element);
        return builder.ToString();
    }

    public override string ToString() => Parent is null ? Address + "/" : Address + ToStringWithoutAddress();

    public bool Equals(ActorPath? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null) return false;
        ActorPath? a = this, b = other;
        while (a is not null && b is not null)
        {
            if (ReferenceEquals(a, b)) return true;
            if (!string.Equals(a.Name, b.Name, StringComparison.Ordinal)) return false;
            if (a.Parent is null || b.Parent is null)
                return a.Parent is null && b.Parent is null && string.Equals(a.Address, b.Address, StringComparison.Ordinal);
            a = a.Parent;
            b = b.Parent;
        }
        return false;
    }

    public override bool Equals(object? obj) => obj is ActorPath other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        for (var p = this; p is not null; p = p.Parent) hash.Add(p.Name, StringComparer.Ordinal);
        return hash.ToHashCode();
    }

    public int CompareTo(ActorPath? other) =>
        other is null ? 1 : string.CompareOrdinal(ToString(), other.ToString());

    public static bool operator ==(ActorPath? left, ActorPath? right) => Equals(left, right);

    public static bool operator !=(ActorPath? left, ActorPath? right) => !Equals(left, right);

    public static bool operator <(ActorPath? left, ActorPath? right) => Compare(left, right) < 0;

    public static bool operator <=(ActorPath? left, ActorPath? right) => Compare(left, right) <= 0;

    public static bool operator >(ActorPath? left, ActorPath? right) => Compare(left, right) > 0;

    public static bool operator >=(ActorPath? left, ActorPath? right) => Compare(left, right) >= 0;

    private static int Compare(ActorPath? left, ActorPath? right) => left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    /// <summary>Checks a user-given actor name; Akka's rules: not empty, no leading '$', URI-safe characters.</summary>
    public static void ValidateName(string name)
    {
        if (string.IsNullOrEmpty(name))
            throw new InvalidActorNameException("Actor name must not be empty. Fix: pass a name such as \"orders\" or null for a generated one.");
        if (name[0] == '$')
            throw new InvalidActorNameException($"Actor name \"{name}\" must not start with '$' (reserved for generated names). Fix: drop the leading '$'.");
        foreach (var c in name)
        {
            if (!IsValidNameChar(c))
                throw new InvalidActorNameException(
                    $"Actor name \"{name}\" contains the character '{c}', which is not allowed. Fix: use letters, digits and -_.*$+:@&=,!~';");
        }
    }

    internal static bool IsValidNameChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || "-_.*$+:@&=,!~';".Contains(c, StringComparison.Ordinal);
}

/// <summary>The root of a system's hierarchy, "akka://name/".</summary>
public sealed class RootActorPath : ActorPath
{
    public RootActorPath(string systemName) : base("/", 0)
    {
        SystemName = systemName;
        AddressText = "akka://" + systemName;
    }

    public string SystemName { get; }

    internal string AddressText { get; }

    public override ActorPath? Parent => null;

    public override RootActorPath Root => this;
}

/// <summary>A path below the root.</summary>
public sealed class ChildActorPath : ActorPath
{
    private readonly ActorPath _parent;

    internal ChildActorPath(ActorPath parent, string name, long uid) : base(name, uid)
    {
        _parent = parent;
    }

    public override ActorPath Parent => _parent;

    public override RootActorPath Root
    {
        get
        {
            ActorPath p = this;
            while (p.Parent is not null) p = p.Parent;
            return (RootActorPath)p;
        }
    }
}
