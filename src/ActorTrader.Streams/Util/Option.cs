namespace ActorTrader.Streams;

/// <summary>An optional value (Akka's <c>Option&lt;T&gt;</c>), used where "no element" must be told apart from a default one.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "Akka's Option<T>.None and Option<T>.Create.")]
public readonly record struct Option<T>
{
    private readonly T _value;

    public Option(T value)
    {
        _value = value;
        HasValue = true;
    }

    /// <summary>No value.</summary>
    public static Option<T> None => default;

    public bool HasValue { get; }

    /// <summary>The value; throws when there is none.</summary>
    public T Value => HasValue ? _value : throw new InvalidOperationException("Option has no value. Fix: test HasValue first.");

    public static Option<T> Create(T value) => new(value);

    public override string ToString() => HasValue ? $"Some({_value})" : "None";
}
