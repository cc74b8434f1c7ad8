using System.Globalization;
using System.Text;
using System.Text.Json;
using ActorTrader.Hocon.Tests.Support;

namespace ActorTrader.Hocon.Tests.Rendering;

public sealed class RoundTripTests
{
    private const string Sample = """"
        app {
          name = "trader \"one\""
          ports = [8080, 8081]
          ratio = 0.5
          big = 12345678901234567890
          exp = 1.5e-3
          enabled = true
          nothing = null
          "dotted.key" { inner = x }
          text = """line1
        line2"""
        }
        """";

    [Fact]
    public void To_json_parsed_back_as_hocon_is_the_same_config()
    {
        var config = HoconText.Parse(Sample);

        var again = HoconText.Parse(config.ToJson());

        Assert.Null(JsonEquivalence.Difference(config.ToJson(), again.ToJson()));
        Assert.Equal(config.LeafPaths(), again.LeafPaths());
    }

    [Fact]
    public void To_json_writes_plain_json_types()
    {
        var json = HoconText.Parse(Sample).ToJson(indented: false);

        using var document = JsonDocument.Parse(json);
        var app = document.RootElement.GetProperty("app");
        Assert.Equal(JsonValueKind.Number, app.GetProperty("ratio").ValueKind);
        Assert.Equal(JsonValueKind.True, app.GetProperty("enabled").ValueKind);
        Assert.Equal(JsonValueKind.Null, app.GetProperty("nothing").ValueKind);
        Assert.Equal("trader \"one\"", app.GetProperty("name").GetString());
        Assert.Equal("line1\nline2", app.GetProperty("text").GetString());
        Assert.Equal("x", app.GetProperty("dotted.key").GetProperty("inner").GetString());
    }

    [Fact]
    public void To_string_renders_hocon_that_parses_back_to_the_same_config()
    {
        var config = HoconText.Parse(Sample);

        var again = HoconText.Parse(config.ToString());

        Assert.Null(JsonEquivalence.Difference(config.ToJson(), again.ToJson()));
    }

    [Fact]
    public void Random_json_documents_survive_parse_to_json_and_back()
    {
        var random = new Random(20240611);
        for (var i = 0; i < 300; i++)
        {
            var json = RandomObject(random, depth: 0);

            var config = HoconText.Parse(json);
            var viaJson = HoconText.Parse(config.ToJson());
            var viaHocon = HoconText.Parse(config.ToString());

            Assert.True(JsonEquivalence.Difference(json, config.ToJson()) is null, $"case {i}: {json} -> {config.ToJson(false)}");
            Assert.Null(JsonEquivalence.Difference(json, viaJson.ToJson()));
            Assert.Null(JsonEquivalence.Difference(json, viaHocon.ToJson()));
        }
    }

    private static readonly string[] Keys = ["a", "b", "port", "a.b", "with space", "", "include", "true", "10", "x-y", "ünï", "q\"uote", "sl/ash", "h#sh"];
    private static readonly string[] Texts = ["", " ", "plain", "two words", "quote\"in", "back\\slash", "new\nline", "tab\there", "//not comment", "#hash", "${not.sub}", "ünïcödé", "\u0001ctl", "true", "null", "42"];
    private static readonly string[] Numbers = ["0", "-1", "42", "3.25", "-0.5", "1e5", "2.5E-3", "9007199254740993", "123456789012345678901234567890"];

    private static string RandomObject(Random random, int depth)
    {
        var builder = new StringBuilder("{");
        var keys = Keys.OrderBy(_ => random.Next()).Take(random.Next(0, 5)).ToList();
        for (var k = 0; k < keys.Count; k++)
        {
            builder.Append(k == 0 ? "" : ",").Append(JsonSerializer.Serialize(keys[k])).Append(':').Append(RandomValue(random, depth + 1));
        }

        return builder.Append('}').ToString();
    }

    private static string RandomValue(Random random, int depth) => random.Next(depth > 3 ? 4 : 6) switch
    {
        0 => JsonSerializer.Serialize(Texts[random.Next(Texts.Length)]),
        1 => Numbers[random.Next(Numbers.Length)],
        2 => random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" },
        3 => random.Next(-1000, 1000).ToString(CultureInfo.InvariantCulture),
        4 => RandomObject(random, depth),
        _ => "[" + string.Join(",", Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomValue(random, depth + 1))) + "]",
    };
}
