namespace ActorTrader.Hocon;

/// <summary>The JSON type of a resolved HOCON value.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The JSON type names are the vocabulary users expect.")]
public enum HoconValueKind
{
    /// <summary>An object: ordered keys to values.</summary>
    Object,

    /// <summary>An array of values.</summary>
    Array,

    /// <summary>A string (quoted, unquoted or concatenated).</summary>
    String,

    /// <summary>A number; its source text is kept so decimals stay exact.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary><c>null</c>.</summary>
    Null,
}
