using ActorTrader.Actors;

namespace ActorTrader.Actors.Tests.Addressing;

public sealed class ActorSystemNameTests
{
    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("-leading-dash")]
    [InlineData("_leading-underscore")]
    [InlineData("dots.are.not.allowed")]
    [InlineData("slash/inside")]
    public void Creating_a_system_with_an_invalid_name_fails_naming_it(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => ActorSystem.Create(name, new ActorSystemSetup { RunCoordinatedShutdownOnSignals = false }));

        Assert.Contains($"\"{name}\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("trading")]
    [InlineData("Trading-2_node")]
    [InlineData("9lives")]
    public async Task A_valid_system_name_appears_in_the_address_of_its_actors(string name)
    {
        var system = ActorSystem.Create(name, new ActorSystemSetup { RunCoordinatedShutdownOnSignals = false });
        try
        {
            Assert.Equal(name, system.Name);
            Assert.Equal($"akka://{name}/deadLetters", system.DeadLetters.Path.ToString());
        }
        finally
        {
            await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}
