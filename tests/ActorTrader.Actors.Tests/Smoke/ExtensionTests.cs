using ActorTrader.Actors;

namespace ActorTrader.Actors.Tests.Smoke;

public sealed class ExtensionTests
{
    private sealed class Counter : IExtension
    {
        public int Created { get; init; }
    }

    [Fact]
    public async Task WithExtension_creates_the_extension_once_per_system()
    {
        await using var system = ActorSystem.Create("ext");
        var created = 0;
        var first = system.WithExtension(_ => new Counter { Created = ++created });
        var second = system.WithExtension(_ => new Counter { Created = ++created });
        Assert.Same(first, second);
        Assert.Equal(1, created);
        Assert.Same(first, system.GetExtension<Counter>());
    }

    [Fact]
    public async Task RegisterExtension_refuses_a_second_instance()
    {
        await using var system = ActorSystem.Create("ext2");
        Assert.False(system.HasExtension<Counter>());
        system.RegisterExtension(new Counter());
        var error = Assert.Throws<InvalidOperationException>(() => system.RegisterExtension(new Counter()));
        Assert.Contains("Counter", error.Message, StringComparison.Ordinal);
    }
}
