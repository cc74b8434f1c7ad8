using ActorTrader.Data.Lakehouse.Concurrency;
using ActorTrader.TestKit;

namespace ActorTrader.Data.Tests.Lakehouse.Concurrency;

public sealed class CpuSlotsTests
{
    [Fact]
    public void No_more_bodies_hold_a_slot_at_once_than_there_are_slots()
    {
        using var slots = new CpuSlots(2);
        var inside = 0;
        var most = 0;
        DiskBoundParallel.For(200, 16, _ =>
        {
            slots.Enter();
            try
            {
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref most, now);
                Thread.SpinWait(2000);
                Interlocked.Decrement(ref inside);
            }
            finally
            {
                slots.Exit();
            }
        });
        Assert.InRange(most, 1, 2);
    }

    [Fact]
    public void Waiting_on_the_disk_lets_another_body_take_the_slot()
    {
        using var slots = new CpuSlots(1);
        using var secondEntered = new ManualResetEventSlim();
        using var firstWaiting = new ManualResetEventSlim();
        // The first body holds the only slot and waits "on the disk" until the second has entered: without giving the
        // slot up, the second could never enter and the first would time out.
        var entered = false;
        DiskBoundParallel.For(2, 2, i =>
        {
            if (i == 0)
            {
                slots.Enter();
                slots.WhileWaitingOnDisk(() =>
                {
                    firstWaiting.Set();
                    entered = secondEntered.Wait(TimeSpan.FromSeconds(30 * TestKitSettings.TimeFactor));
                });
                slots.Exit();
            }
            else
            {
                firstWaiting.Wait();
                slots.Enter();
                secondEntered.Set();
                slots.Exit();
            }
        });
        Assert.True(entered);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
