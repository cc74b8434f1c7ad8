using ActorTrader.Cli.Parquet;
using ActorTrader.Parquet;

namespace ActorTrader.Cli.Tests.Parquet;

public sealed class CsvSchemaOptionTests
{
    [Fact]
    public void Entries_map_column_names_to_types_and_decimal_commas_do_not_split_entries()
    {
        var kinds = CsvSchemaOption.Parse("price:decimal(18, 4), qty:int32,when:timestamp");

        Assert.Equal(ParquetColumnType.Decimal(18, 4), kinds["price"].Type);
        Assert.Equal(ParquetColumnType.Int32, kinds["qty"].Type);
        Assert.Equal(ParquetColumnType.Timestamp(TimestampUnit.Micros), kinds["when"].Type);
    }

    [Fact]
    public void An_unknown_type_is_an_error_listing_the_known_ones()
    {
        var error = Assert.Throws<ParquetToolException>(() => CsvSchemaOption.Parse("a:money"));

        Assert.Contains("\"a:money\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("decimal(P,S)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_without_a_type_is_an_error()
    {
        Assert.Throws<ParquetToolException>(() => CsvSchemaOption.Parse("a:int64,b"));
    }

    [Fact]
    public void A_column_named_twice_is_an_error()
    {
        Assert.Throws<ParquetToolException>(() => CsvSchemaOption.Parse("a:int64,a:string"));
    }
}
