using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace ActorTrader.Backtest.Tests.Reports;

/// <summary>Reads the tearsheet as XML: a parse failure means an unclosed or mis-nested tag or a bad entity.</summary>
internal static class Xhtml
{
    public static XDocument Parse(string html)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(html), settings);
        return XDocument.Load(reader);
    }

    public static XElement StatRow(XDocument page, string key) =>
        page.Descendants("tr").Single(tr => (string?)tr.Attribute("data-key") == key);

    public static double StatValue(XDocument page, string key) =>
        double.Parse((string)StatRow(page, key).Element("td")!.Attribute("data-value")!, CultureInfo.InvariantCulture);

    public static XElement HeatCell(XDocument page, int year, int month) =>
        page.Descendants("td").Single(td => (string?)td.Attribute("data-year") == year.ToString(CultureInfo.InvariantCulture)
                                            && (string?)td.Attribute("data-month") == month.ToString(CultureInfo.InvariantCulture));
}
