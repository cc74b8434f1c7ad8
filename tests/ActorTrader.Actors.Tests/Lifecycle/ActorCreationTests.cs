namespace ActorTrader.Actors.Tests.Lifecycle;

/// <summary>Props with arguments or a factory, creation errors, and actor names.</summary>
public sealed class ActorCreationTests : TestKit.TestKit
{
    private sealed record Fail;

    private sealed class Greeter : ReceiveActor
    {
        public Greeter(string greeting, int times)
        {
            Receive<string>(name => Sender.Tell($"{greeting} {name} x{times}", Self));
        }
    }

    private sealed class Numbered : ReceiveActor
    {
        public Numbered(int number)
        {
            Receive<string>(_ => Sender.Tell(number, Self));
            Receive<Fail>(_ => throw new InvalidOperationException("boom"));
        }
    }

    private sealed class Echo : ReceiveActor
    {
        public Echo()
        {
            ReceiveAny(m => Sender.Tell(m, Self));
        }
    }

    private sealed record CreateChild(string Name);

    private sealed record CreationFailed(Exception Error);

    /// <summary>Creates children on request and reports what ActorOf threw.</summary>
    private sealed class ChildMaker : ReceiveActor
    {
        public ChildMaker()
        {
            Receive<CreateChild>(c =>
            {
                try
                {
                    Sender.Tell(Context.ActorOf(Props.Create(() => new Echo()), c.Name), Self);
                }
                catch (InvalidActorNameException e)
                {
                    Sender.Tell(new CreationFailed(e), Self);
                }
            });
        }
    }

    [Fact]
    public async Task Props_Create_with_arguments_passes_them_to_the_constructor()
    {
        var greeter = Sys.ActorOf(Props.Create<Greeter>("Hello", 3));

        greeter.Tell("Ann", TestActor);

        await ExpectMsgAsync("Hello Ann x3");
    }

    [Fact]
    public async Task Props_factory_runs_again_for_every_restart()
    {
        var calls = 0;
        var actor = Sys.ActorOf(Props.Create(() => new Numbered(Interlocked.Increment(ref calls))));
        actor.Tell("number", TestActor);
        await ExpectMsgAsync(1);

        actor.Tell(new Fail(), TestActor);
        actor.Tell("number", TestActor);

        await ExpectMsgAsync(2);
    }

    [Fact]
    public void Props_without_a_matching_constructor_fails_at_ActorOf_naming_the_type_and_the_arguments()
    {
        var props = Props.Create<Greeter>(42, "unexpected-text"); // building the props alone does not fail

        var error = Assert.Throws<ArgumentException>(() => Sys.ActorOf(props, "greeter"));

        Assert.Contains(typeof(Greeter).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains("42", error.Message, StringComparison.Ordinal);
        Assert.Contains("unexpected-text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_ActorOf_for_a_bad_constructor_does_not_take_the_name()
    {
        Assert.Throws<ArgumentException>(() => Sys.ActorOf(Props.Create<Greeter>(42), "greeter"));

        var greeter = Sys.ActorOf(Props.Create<Greeter>("Hi", 1), "greeter");
        greeter.Tell("Bo", TestActor);

        await ExpectMsgAsync("Hi Bo x1");
    }

    [Fact]
    public void Creating_an_actor_with_new_outside_ActorOf_throws()
    {
        Assert.Throws<ActorInitializationException>(() => new Echo());
    }

    [Fact]
    public void Duplicate_top_level_name_throws_InvalidActorNameException()
    {
        Sys.ActorOf(Props.Create(() => new Echo()), "unique");

        var error = Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new Echo()), "unique"));

        Assert.Contains("unique", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_child_name_throws_InvalidActorNameException_inside_the_parent()
    {
        var parent = Sys.ActorOf(Props.Create(() => new ChildMaker()));
        parent.Tell(new CreateChild("kid"), TestActor);
        await ExpectMsgAsync<IActorRef>();

        parent.Tell(new CreateChild("kid"), TestActor);

        var failed = await ExpectMsgAsync<CreationFailed>();
        Assert.IsType<InvalidActorNameException>(failed.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("$reserved")]
    [InlineData("with/slash")]
    [InlineData("with space")]
    [InlineData("with#hash")]
    [InlineData("with?query")]
    public void Invalid_actor_names_are_rejected(string name)
    {
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new Echo()), name));
    }

    [Fact]
    public void Valid_name_becomes_the_last_element_of_the_path()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Echo()), "order-1_a.b");

        Assert.Equal("order-1_a.b", actor.Path.Name);
        Assert.Equal("/user/order-1_a.b", actor.Path.ToStringWithoutAddress());
    }

    [Fact]
    public void Actors_created_without_a_name_get_distinct_generated_names()
    {
        var first = Sys.ActorOf(Props.Create(() => new Echo()));
        var second = Sys.ActorOf(Props.Create(() => new Echo()));

        Assert.StartsWith("$", first.Path.Name, StringComparison.Ordinal);
        Assert.NotEqual(first.Path.Name, second.Path.Name);
    }
}
