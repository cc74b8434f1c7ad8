namespace ActorTrader.Streams;

/// <summary>Picks which materialized value a composition keeps: <c>ToMaterialized(sink, Keep.Right)</c>.</summary>
public static class Keep
{
    public static TLeft Left<TLeft, TRight>(TLeft left, TRight right) => left;

    public static TRight Right<TLeft, TRight>(TLeft left, TRight right) => right;

    public static (TLeft Left, TRight Right) Both<TLeft, TRight>(TLeft left, TRight right) => (left, right);

    public static NotUsed None<TLeft, TRight>(TLeft left, TRight right) => NotUsed.Instance;
}
