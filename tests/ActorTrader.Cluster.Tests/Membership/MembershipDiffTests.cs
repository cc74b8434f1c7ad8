using ActorTrader.Cluster.Membership;

namespace ActorTrader.Cluster.Tests.Membership;

public sealed class MembershipDiffTests
{
    private static readonly Guid First = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Second = Guid.Parse("00000000-0000-0000-0000-000000000002");

    private static readonly string[] Roles = ["trader"];

    private static Member M(string name, MemberStatus status, Guid? incarnation = null) =>
        new(name, incarnation ?? First, "", Roles, "1", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, status);

    [Fact]
    public void A_restarted_node_is_removed_in_its_old_incarnation_and_up_in_its_new_one()
    {
        var events = ClusterMembershipActor.Diff([M("a", MemberStatus.Up, First)], [M("a", MemberStatus.Up, Second)]);

        Assert.Equal([new MemberRemoved(M("a", MemberStatus.Up, First)), new MemberUp(M("a", MemberStatus.Up, Second))], events);
    }

    [Fact]
    public void An_unchanged_view_publishes_nothing()
    {
        Assert.Empty(ClusterMembershipActor.Diff([M("a", MemberStatus.Up), M("b", MemberStatus.Unreachable)], [M("a", MemberStatus.Up), M("b", MemberStatus.Unreachable)]));
    }

    [Fact]
    public void A_member_that_left_is_removed_once_and_not_again_when_its_row_disappears()
    {
        var left = ClusterMembershipActor.Diff([M("a", MemberStatus.Up)], [M("a", MemberStatus.Left)]);
        var gone = ClusterMembershipActor.Diff([M("a", MemberStatus.Left)], []);

        Assert.Equal([new MemberRemoved(M("a", MemberStatus.Left))], left);
        Assert.Empty(gone);
    }

    [Fact]
    public void Events_come_in_node_name_order()
    {
        var events = ClusterMembershipActor.Diff([], [M("c", MemberStatus.Up), M("a", MemberStatus.Up), M("b", MemberStatus.Unreachable)]);

        Assert.Equal(["a", "b", "c"], events.Select(e => e switch { MemberUp u => u.Member.NodeName, MemberUnreachable u => u.Member.NodeName, _ => "?" }));
    }
}
