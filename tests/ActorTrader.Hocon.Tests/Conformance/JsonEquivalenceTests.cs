using ActorTrader.Hocon.Tests.Support;

namespace ActorTrader.Hocon.Tests.Conformance;

/// <summary>The comparer behind the equivalence suite must be able to fail.</summary>
public sealed class JsonEquivalenceTests
{
    [Theory]
    [InlineData("{\"a\":1}", "{\"a\":2}")]
    [InlineData("{\"a\":1}", "{\"a\":1,\"b\":1}")]
    [InlineData("{\"a\":\"1\"}", "{\"a\":1}")]
    [InlineData("{\"a\":true}", "{\"a\":\"true\"}")]
    [InlineData("{\"a\":[1,2]}", "{\"a\":[2,1]}")]
    [InlineData("{\"a\":null}", "{}")]
    public void Different_documents_are_reported(string expected, string actual)
    {
        Assert.NotNull(JsonEquivalence.Difference(expected, actual));
    }

    [Theory]
    [InlineData("{\"a\":1,\"b\":2}", "{\"b\":2,\"a\":1}")]
    [InlineData("{\"a\":1}", "{\"a\":1.0}")]
    [InlineData("{\"a\":{\"x\":[1,{\"y\":null}]}}", "{\"a\":{\"x\":[1,{\"y\":null}]}}")]
    public void Equivalent_documents_are_equal(string expected, string actual)
    {
        Assert.Null(JsonEquivalence.Difference(expected, actual));
    }
}
