using ActorTrader.Hocon;
using ActorTrader.Hosting.Settings;

namespace ActorTrader.Node.Tests.Operations;

public sealed class TelemetrySettingsTests
{
    private static (TelemetrySettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(string hocon) => TelemetrySettings.Read(ConfigurationFactory.ParseString(hocon));

    [Fact]
    public void The_section_is_read()
    {
        var (settings, problems) = Read("""actortrader.telemetry.otlp { enabled = on, endpoint = "https://otel.example.com:4318", protocol = grpc, interval = 30s, headers = "a=b,c=d" }""");

        Assert.Empty(problems);
        Assert.True(settings.Enabled);
        Assert.Equal(new Uri("https://otel.example.com:4318"), settings.Endpoint);
        Assert.Equal("grpc", settings.Protocol);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Interval);
    }

    [Theory]
    [InlineData("actortrader.telemetry.otlp.endpoint = \"otel:4318\"", "actortrader.telemetry.otlp.endpoint")]
    [InlineData("actortrader.telemetry.otlp.protocol = \"zipkin\"", "actortrader.telemetry.otlp.protocol")]
    [InlineData("actortrader.telemetry.otlp.interval = 100ms", "actortrader.telemetry.otlp.interval")]
    [InlineData("actortrader.telemetry.otlp.headers = \"s3cret\"", "actortrader.telemetry.otlp.headers")]
    public void A_bad_value_is_reported_with_its_key(string hocon, string key)
    {
        var (_, problems) = Read(hocon);

        Assert.Equal(key, Assert.Single(problems).Key);
    }

    [Fact]
    public void Headers_are_never_printed_and_a_bad_header_value_is_not_echoed()
    {
        var (settings, _) = Read("""actortrader.telemetry.otlp.headers = "api-key=s3cret" """);
        var (_, problems) = Read("""actortrader.telemetry.otlp.headers = "s3cret" """);

        Assert.DoesNotContain("s3cret", settings.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", problems[0].Message + problems[0].Fix, StringComparison.Ordinal);
    }
}
