// Turns DuckDB values into the canonical text the C# interop tests compare against (CanonicalValue.cs).
// Every value becomes a string (or null) so nothing is lost to JSON numbers:
//   integers: decimal digits; floats: JS shortest round-trip text, with "-0", "NaN", "Infinity", "-Infinity";
//   blobs: lower-case hex; dates: yyyy-MM-dd; decimals: unscaled value placed at `scale` digits;
//   timestamps: yyyy-MM-ddTHH:mm:ss.fffffffff (always 9 fractional digits), "Z" appended for TIMESTAMP WITH TIME ZONE.
// The conversion works from DuckDB's raw numbers (days, micros, unscaled decimals), not from DuckDB's own
// text output, so a formatting choice of either side cannot hide a difference in values.
import { DuckDBTypeId } from '@duckdb/node-api';

const NANOS_PER_SECOND = 1_000_000_000n;

export function canonical(value, type) {
  if (value === null || value === undefined) return null;
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return value ? 'true' : 'false';
    case DuckDBTypeId.TINYINT: case DuckDBTypeId.SMALLINT: case DuckDBTypeId.INTEGER: case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UTINYINT: case DuckDBTypeId.USMALLINT: case DuckDBTypeId.UINTEGER: case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT: case DuckDBTypeId.UHUGEINT:
      return String(value);
    case DuckDBTypeId.FLOAT: case DuckDBTypeId.DOUBLE:
      return Object.is(value, -0) ? '-0' : String(value);
    case DuckDBTypeId.VARCHAR:
      return value;
    case DuckDBTypeId.BLOB:
      return Buffer.from(value.bytes).toString('hex');
    case DuckDBTypeId.DATE:
      return isoDate(BigInt(value.days) * 86_400n);
    case DuckDBTypeId.TIMESTAMP:
      return isoTimestamp(value.micros * 1000n, false);
    case DuckDBTypeId.TIMESTAMP_TZ:
      return isoTimestamp(value.micros * 1000n, true);
    case DuckDBTypeId.TIMESTAMP_MS:
      return isoTimestamp(value.millis * 1_000_000n, false);
    case DuckDBTypeId.TIMESTAMP_S:
      return isoTimestamp(value.seconds * NANOS_PER_SECOND, false);
    case DuckDBTypeId.TIMESTAMP_NS:
      return isoTimestamp(value.nanos, false);
    case DuckDBTypeId.DECIMAL:
      return decimalText(value.value, value.scale);
    default:
      throw new Error(`canonical.mjs: DuckDB type ${type.toString()} has no canonical form; add a case for it.`);
  }
}

function floorDiv(a, b) {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function isoDate(epochSeconds) {
  return new Date(Number(epochSeconds) * 1000).toISOString().slice(0, 10);
}

function isoTimestamp(epochNanos, utc) {
  const seconds = floorDiv(epochNanos, NANOS_PER_SECOND);
  const fraction = epochNanos - seconds * NANOS_PER_SECOND;
  const whole = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  return `${whole}.${fraction.toString().padStart(9, '0')}${utc ? 'Z' : ''}`;
}

function decimalText(unscaled, scale) {
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  return negative ? `-${text}` : text;
}

/** Runs `sql` and returns { columns: [{name, type}], rows: [[canonical...]] }. */
export async function readCanonical(connection, sql) {
  const reader = await connection.runAndReadAll(sql);
  const names = reader.columnNames();
  const types = reader.columnTypes();
  const rows = reader.getRows().map(row => row.map((v, i) => canonical(v, types[i])));
  return { columns: names.map((name, i) => ({ name, type: types[i].toString() })), rows };
}

/** A SQL string literal for a file path. */
export function sqlString(text) {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Per column of a Parquet file, the encodings and compression DuckDB finds in row group 0, and the row group count. */
export async function fileLayout(connection, path) {
  const groups = await connection.runAndReadAll(
    `SELECT count(DISTINCT row_group_id) FROM parquet_metadata(${sqlString(path)})`);
  const chunks = await connection.runAndReadAll(
    `SELECT path_in_schema, encodings, compression FROM parquet_metadata(${sqlString(path)}) WHERE row_group_id = 0 ORDER BY column_id`);
  return {
    rowGroups: Number(groups.getRows()[0][0]),
    chunks: chunks.getRows().map(([column, encodings, compression]) => ({ column, encodings, compression })),
  };
}
