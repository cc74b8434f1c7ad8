using ActorTrader.Cluster.Membership;
using ActorTrader.Cluster.Placement;

namespace ActorTrader.Cluster.Tests.Placement;

public sealed class SleevePlacementTests
{
    private static readonly string[] Sleeves = Enumerable.Range(0, 1000).Select(i => $"sleeve-{i:D4}").ToArray();

    private static Member Node(string name, MemberStatus status = MemberStatus.Up, params string[] roles) =>
        new(name, Guid.Empty, $"http://{name}:5080", roles.Length == 0 ? ["trader"] : roles, "1", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, status);

    private static Member[] Nodes(int count) => Enumerable.Range(0, count).Select(i => Node($"node-{i}")).ToArray();

    [Fact]
    public void Every_sleeve_goes_to_an_up_member_with_the_role()
    {
        Member[] members = [Node("node-a"), Node("node-b", MemberStatus.Unreachable), Node("node-c", MemberStatus.Left), Node("node-d", MemberStatus.Up, "research"), Node("node-e")];

        var assignment = SleevePlacement.Assign(Sleeves, members);

        Assert.Equal(Sleeves.Length, assignment.Count);
        Assert.Equal(["node-a", "node-e"], assignment.Values.Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_assignment_does_not_depend_on_the_order_of_members_or_sleeves()
    {
        var members = Nodes(5);

        var forward = SleevePlacement.Assign(Sleeves, members);
        var backward = SleevePlacement.Assign(Sleeves.Reverse(), members.Reverse());

        Assert.Equal(forward, backward);
        Assert.Equal(Sleeves, forward.Keys);
    }

    [Fact]
    public void Removing_a_node_moves_only_the_sleeves_it_owned()
    {
        var members = Nodes(5);
        var before = SleevePlacement.Assign(Sleeves, members);

        var after = SleevePlacement.Assign(Sleeves, members.Where(m => m.NodeName != "node-2"));

        var moved = Sleeves.Where(s => before[s] != after[s]).ToArray();
        Assert.Equal(Sleeves.Where(s => before[s] == "node-2"), moved);
        Assert.DoesNotContain("node-2", after.Values);
    }

    [Fact]
    public void Adding_a_node_moves_about_one_sleeve_in_n_and_only_to_the_new_node()
    {
        var members = Nodes(4);
        var before = SleevePlacement.Assign(Sleeves, members);

        var after = SleevePlacement.Assign(Sleeves, [.. members, Node("node-new")]);

        var moved = Sleeves.Where(s => before[s] != after[s]).ToArray();
        Assert.All(moved, s => Assert.Equal("node-new", after[s]));
        // 1000 sleeves over 5 nodes: the new one should take ~200; the bounds are ±5 standard deviations.
        Assert.InRange(moved.Length, 140, 260);
    }

    [Fact]
    public void The_sleeves_spread_evenly_over_the_nodes()
    {
        var assignment = SleevePlacement.Assign(Sleeves, Nodes(4));

        Assert.All(assignment.Values.GroupBy(n => n), g => Assert.InRange(g.Count(), 180, 320));
    }

    [Fact]
    public void No_member_with_the_role_means_no_assignment()
    {
        Assert.Empty(SleevePlacement.Assign(Sleeves, [Node("node-a", MemberStatus.Up, "research")]));
    }

    [Fact]
    public void Another_role_can_be_placed_on_its_own_members()
    {
        var assignment = SleevePlacement.Assign(["population-momentum"], [Node("node-a"), Node("node-r", MemberStatus.Up, "research")], "research");

        Assert.Equal("node-r", assignment["population-momentum"]);
    }
}
