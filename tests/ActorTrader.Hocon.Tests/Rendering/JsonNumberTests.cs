using System.Text.Json;
using ActorTrader.Hocon.Tests.Support;

namespace ActorTrader.Hocon.Tests.Rendering;

public sealed class JsonNumberTests
{
    [Theory]
    [InlineData("007", "7")]
    [InlineData("-00.5", "-0.5")]
    [InlineData("00", "0")]
    [InlineData("036854771e400", "36854771e400")]
    public void Numbers_with_leading_zeros_render_as_exact_valid_JSON(string hocon, string json)
    {
        var rendered = HoconText.Parse($"a = {hocon}").ToJson(indented: false);

        using var document = JsonDocument.Parse(rendered);
        Assert.Equal(json, document.RootElement.GetProperty("a").GetRawText());
    }
}
