namespace ActorTrader.Parquet.Values;

/// <summary>Picks the <see cref="ColumnShape{T}"/> for a column from its CLR type's kind and nullability.</summary>
internal static class ColumnShapes
{
    /// <summary><c>T[]</c> when required, <c>T?[]</c> when nullable.</summary>
    public static ColumnShape<T> ForValueType<T>(bool nullable)
        where T : struct =>
        nullable ? new NullableStructShape<T>() : new RequiredShape<T>();

    /// <summary><c>T[]</c> either way; a nullable column holds nulls in it.</summary>
    public static ColumnShape<T> ForReferenceType<T>(bool nullable)
        where T : class =>
        nullable ? new NullableClassShape<T>() : new RequiredShape<T>();
}
