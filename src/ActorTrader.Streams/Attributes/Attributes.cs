namespace ActorTrader.Streams;

/// <summary>
/// Settings attached to a stage or a composite of stages (Akka.Streams' <c>Attributes</c>). The most specific one
/// wins: attributes set on an inner stage override those inherited from the graph it is part of.
/// </summary>
public sealed class Attributes
{
    /// <summary>Marks a type that can be carried as an attribute.</summary>
    public interface IAttribute;

    /// <summary>A name shown in error messages and logs.</summary>
    public sealed record Name(string Value) : IAttribute;

    /// <summary>Elements an asynchronous boundary (<c>Async</c>, <c>Merge</c>, fan-out branches) may hold.</summary>
    public sealed record InputBuffer(int Initial, int Max) : IAttribute;

    public static readonly Attributes None = new([]);

    private readonly IAttribute[] _attributes;

    private Attributes(IAttribute[] attributes)
    {
        _attributes = attributes;
    }

    /// <summary>The attributes from least to most specific.</summary>
    public IReadOnlyList<IAttribute> AttributeList => _attributes;

    public static Attributes Create(IAttribute attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        return new([attribute]);
    }

    public static Attributes CreateName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Create(new Name(name));
    }

    public static Attributes CreateInputBuffer(int initial, int max)
    {
        if (initial < 1 || max < initial)
            throw new ArgumentOutOfRangeException(nameof(initial), $"Input buffer ({initial}, {max}) is invalid. Fix: use 1 <= initial <= max.");
        return Create(new InputBuffer(initial, max));
    }

    /// <summary>These attributes followed by <paramref name="other"/>'s, which take precedence.</summary>
    public Attributes And(Attributes other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._attributes.Length == 0) return this;
        if (_attributes.Length == 0) return other;
        return new([.. _attributes, .. other._attributes]);
    }

    public Attributes And(IAttribute attribute) => And(Create(attribute));

    /// <summary>The most specific attribute of type <typeparamref name="T"/>, or null.</summary>
    public T? GetAttribute<T>() where T : class, IAttribute
    {
        for (var i = _attributes.Length - 1; i >= 0; i--)
        {
            if (_attributes[i] is T found) return found;
        }
        return null;
    }

    public override string ToString() => $"Attributes({string.Join(", ", _attributes.Select(a => a.ToString()))})";
}
