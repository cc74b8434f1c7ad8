using System.Text.RegularExpressions;

namespace ActorTrader.Persistence.Sql;

/// <summary>Quotes identifiers (schema names from configuration) the way both SQLite and PostgreSQL accept.</summary>
internal static partial class SqlIdentifier
{
    /// <summary>Returns <c>"name"</c>; only plain names (letters, digits, underscore) are allowed so configuration cannot inject SQL.</summary>
    public static string Quote(string name, string settingKey)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!PlainName().IsMatch(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a valid SQL name for {settingKey}. Fix: use letters, digits and underscores, starting with a letter or underscore (at most 63 characters).");
        }

        return "\"" + name + "\"";
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainName();
}
