using System.Text.Json;
using ActorTrader.Hosting.Management;

namespace ActorTrader.Hosting.Tests.Management;

public sealed class ManagementJsonTests
{
    [Fact]
    public void Indented_output_keeps_plus_and_angle_brackets_readable()
    {
        var json = JsonSerializer.Serialize(new { Version = "1.0.0+abc", ConfigSource = "reference.conf <- node.conf" }, ManagementJson.Indented);

        Assert.Contains("\"1.0.0+abc\"", json, StringComparison.Ordinal);
        Assert.Contains("\"reference.conf <- node.conf\"", json, StringComparison.Ordinal);
    }
}
