using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Strategies.Common;

/// <summary>Typed reads of a validated <see cref="ParameterSet"/> for the parameter records' <c>From</c> methods.</summary>
internal static class ParameterValues
{
    public static int Whole(this ParameterSet set, string name) => checked((int)set[name]);

    public static bool Flag(this ParameterSet set, string name) => set[name] != 0;

    public static TEnum Choice<TEnum>(this ParameterSet set, string name) where TEnum : struct, Enum =>
        (TEnum)Enum.ToObject(typeof(TEnum), checked((int)set[name]));

    public static KeyValuePair<string, double> Entry(string name, double value) => KeyValuePair.Create(name, value);

    public static KeyValuePair<string, double> Entry(string name, bool value) => KeyValuePair.Create(name, value ? 1.0 : 0.0);

    public static KeyValuePair<string, double> Entry<TEnum>(string name, TEnum value) where TEnum : struct, Enum =>
        KeyValuePair.Create(name, (double)Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));
}
