namespace ActorTrader.Research.Discovery;

/// <summary>Addressing inside a condition tree by pre-order index (root = 0), for crossover and mutation.</summary>
internal static class ConditionTree
{
    /// <summary>Every condition node in pre-order with its level (root = 1).</summary>
    public static List<(Condition Node, int Level)> Nodes(Condition root)
    {
        var nodes = new List<(Condition, int)>(root.Size);
        Collect(root, 1, nodes);
        return nodes;
    }

    /// <summary><paramref name="root"/> with the node at pre-order <paramref name="index"/> replaced.</summary>
    public static Condition Replace(Condition root, int index, Condition replacement)
    {
        var position = 0;
        return Replace(root, index, replacement, ref position);
    }

    private static void Collect(Condition node, int level, List<(Condition, int)> nodes)
    {
        nodes.Add((node, level));
        switch (node)
        {
            case AndCondition a: Collect(a.Left, level + 1, nodes); Collect(a.Right, level + 1, nodes); break;
            case OrCondition o: Collect(o.Left, level + 1, nodes); Collect(o.Right, level + 1, nodes); break;
            case NotCondition n: Collect(n.Operand, level + 1, nodes); break;
        }
    }

    private static Condition Replace(Condition node, int index, Condition replacement, ref int position)
    {
        if (position++ == index) return replacement;
        switch (node)
        {
            case AndCondition a:
            {
                var left = Replace(a.Left, index, replacement, ref position);
                var right = Replace(a.Right, index, replacement, ref position);
                return ReferenceEquals(left, a.Left) && ReferenceEquals(right, a.Right) ? a : new AndCondition(left, right);
            }
            case OrCondition o:
            {
                var left = Replace(o.Left, index, replacement, ref position);
                var right = Replace(o.Right, index, replacement, ref position);
                return ReferenceEquals(left, o.Left) && ReferenceEquals(right, o.Right) ? o : new OrCondition(left, right);
            }
            case NotCondition n:
            {
                var operand = Replace(n.Operand, index, replacement, ref position);
                return ReferenceEquals(operand, n.Operand) ? n : new NotCondition(operand);
            }
            default:
                return node;
        }
    }
}
