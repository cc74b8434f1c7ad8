// Usage: node write.mjs OUT.parquet --rows N --compression snappy|gzip|uncompressed --row-group-size N --parquet-version v1|v2
// Builds a table of every type ActorTrader.Parquet maps (deterministic values from range(N), with nulls and
// special floats), writes it with DuckDB's COPY ... (FORMAT parquet, ...) and prints one JSON object:
// { duckdb, columns, rows (canonical text, ordered by id), layout (DuckDB's view of the written file) }.
import { DuckDBInstance, version } from '@duckdb/node-api';
import { readCanonical, fileLayout, sqlString } from './canonical.mjs';

const args = process.argv.slice(2);
const out = args[0];
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
};
if (!out || out.startsWith('--')) {
  console.error('usage: node write.mjs OUT.parquet --rows N --compression snappy|gzip|uncompressed --row-group-size N --parquet-version v1|v2');
  process.exit(2);
}
const rows = Number.parseInt(option('--rows', '10000'), 10);
const compression = option('--compression', 'snappy');
const rowGroupSize = Number.parseInt(option('--row-group-size', '2048'), 10);
const parquetVersion = option('--parquet-version', 'v1');

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run(`SET TimeZone = 'UTC'`);
// Exact decimals from an unscaled integer: text to DECIMAL is exact, arithmetic on decimals may not be.
await connection.run(`
  CREATE MACRO scaled_text(x, s) AS
    CASE WHEN x < 0 THEN '-' ELSE '' END || (abs(x) // (10::HUGEINT ** s)::HUGEINT)::VARCHAR || '.' ||
    lpad((abs(x) % (10::HUGEINT ** s)::HUGEINT)::VARCHAR, s, '0')`);
// Special values sit in the first rows so that every row group size sees them; nulls follow fixed strides.
await connection.run(`
  CREATE TABLE t AS
  SELECT
    range AS id,
    CASE WHEN range % 3 = 0 THEN NULL ELSE range % 2 = 0 END AS flag,
    ((range % 256) - 128)::TINYINT AS i8,
    (range % 256)::UTINYINT AS u8,
    ((range * 7 % 65536) - 32768)::SMALLINT AS i16,
    (range * 7 % 65536)::USMALLINT AS u16,
    ((range * 2654435761 % 4294967296) - 2147483648)::INTEGER AS i32,
    (range * 2654435761 % 4294967296)::UINTEGER AS u32,
    CASE WHEN range % 2 = 0 THEN (hash(range) >> 1)::BIGINT ELSE -((hash(range) >> 1)::BIGINT) - 1 END AS i64,
    CASE WHEN range % 5 = 0 THEN NULL ELSE hash(range) END AS u64,
    CASE range WHEN 1 THEN 'nan'::FLOAT WHEN 2 THEN 'inf'::FLOAT WHEN 3 THEN '-inf'::FLOAT WHEN 4 THEN '-0.0'::FLOAT
      ELSE (range * 0.1 - 17.3)::FLOAT END AS f32,
    CASE range WHEN 1 THEN 'nan'::DOUBLE WHEN 2 THEN 'inf'::DOUBLE WHEN 3 THEN '-inf'::DOUBLE WHEN 4 THEN '-0.0'::DOUBLE
      WHEN 5 THEN 5e-324::DOUBLE WHEN 6 THEN 1.7976931348623157e308::DOUBLE
      WHEN 8 THEN NULL ELSE sqrt(range) * 1000003.0 - 1e5 END AS f64,
    CASE WHEN range % 7 = 0 THEN NULL ELSE 'SYM' || (range % 10) END AS symbol,
    CASE range WHEN 0 THEN '' WHEN 1 THEN 'Zürich ✓ 株式 "quoted", comma' ELSE md5(range::VARCHAR) END AS text,
    CASE WHEN range % 11 = 0 THEN NULL ELSE unhex(md5(range::VARCHAR)) END AS bytes,
    (DATE '1970-01-01' + ((range * 37 % 40000)::INTEGER - 10000)) AS day,
    make_timestamp(1577836800000000 + range * 1000003) AS ts_local,
    CASE WHEN range % 13 = 0 THEN NULL ELSE make_timestamp(1577836800000000 + range * 86400000001)::TIMESTAMPTZ END AS ts_utc,
    make_timestamp(1577836800000000 + range * 1000)::TIMESTAMP_MS AS ts_ms,
    make_timestamp_ns(1577836800000000000 + range * 1000000007) AS ts_ns,
    scaled_text((range * 12345 % 200000000) - 100000000, 2)::DECIMAL(9, 2) AS dec9,
    CASE WHEN range % 4 = 0 THEN NULL ELSE scaled_text((range * 1234567891 % 100000000000000) - 50000000000000, 4)::DECIMAL(18, 4) END AS dec18,
    scaled_text(((range::HUGEINT * 12345678901234567) % 10000000000000000000000) - 5000000000000000000000, 6)::DECIMAL(28, 6) AS dec28
  FROM range(${rows})`);
await connection.run(
  `COPY t TO ${sqlString(out)} (FORMAT parquet, COMPRESSION ${compression}, ROW_GROUP_SIZE ${rowGroupSize}, PARQUET_VERSION ${parquetVersion})`);
const table = await readCanonical(connection, 'SELECT * FROM t ORDER BY id');
const layout = await fileLayout(connection, out);
process.stdout.write(JSON.stringify({ duckdb: version(), ...table, layout }));
