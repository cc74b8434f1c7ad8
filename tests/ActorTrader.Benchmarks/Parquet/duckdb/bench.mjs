// The DuckDB side of the parquet benchmark suite. Only the work itself is timed (performance.now() inside
// this process), never node's start-up, DuckDB's start-up or building the in-memory table.
//   node bench.mjs write OUT.parquet --rows N --row-group-size R --threads T
//     builds the bars table in memory (same formulas as BarsTable.cs), then times COPY ... (FORMAT parquet, COMPRESSION snappy)
//   node bench.mjs read FILE.parquet --threads T
//     times one query that reads every column of every row (a sum per column)
// --threads default (or no --threads) leaves DuckDB's own default: one thread per core.
// Prints one JSON object: { seconds, bytes, threads } for write; { seconds, rows, volume, symbolChars, threads } for read.
import { statSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [mode, path, ...rest] = process.argv.slice(2);
const option = (name, fallback) => {
  const at = rest.indexOf(name);
  return at >= 0 && at + 1 < rest.length ? rest[at + 1] : fallback;
};
if (!['write', 'read'].includes(mode) || !path) {
  console.error('usage: node bench.mjs write OUT --rows N --row-group-size R --threads T | read FILE --threads T');
  process.exit(2);
}
const literal = text => `'${text.replaceAll("'", "''")}'`;
const threadsOption = option('--threads', 'default');
const instance = await DuckDBInstance.create(':memory:', threadsOption === 'default' ? {} : { threads: threadsOption });
const connection = await instance.connect();
await connection.run(`SET TimeZone = 'UTC'`);
const threads = Number((await connection.runAndReadAll(`SELECT current_setting('threads')`)).getRows()[0][0]);

if (mode === 'write') {
  const rows = Number.parseInt(option('--rows', '1000000'), 10);
  const rowGroupSize = Number.parseInt(option('--row-group-size', '1000000'), 10);
  await connection.run(`CREATE TABLE bars (
    timestamp TIMESTAMPTZ NOT NULL, symbol VARCHAR NOT NULL,
    open DOUBLE NOT NULL, high DOUBLE NOT NULL, low DOUBLE NOT NULL, close DOUBLE NOT NULL, volume BIGINT NOT NULL)`);
  await connection.run(`
    INSERT INTO bars
    SELECT make_timestamp(1704067200000000 + (range // 500) * 60000000)::TIMESTAMPTZ,
           'S' || lpad((range % 500)::VARCHAR, 3, '0'),
           o, o + ((range * 7) % 100)::DOUBLE * 0.01::DOUBLE, o - ((range * 13) % 100)::DOUBLE * 0.01::DOUBLE,
           o - ((range * 13) % 100)::DOUBLE * 0.01::DOUBLE + ((range * 17) % 100)::DOUBLE * 0.01::DOUBLE,
           100 + (range * 31) % 100000
    FROM (SELECT range, 100.0::DOUBLE + (range % 500)::DOUBLE + ((range // 500) % 390)::DOUBLE * 0.01::DOUBLE AS o FROM range(${rows}))`);
  const started = performance.now();
  await connection.run(`COPY bars TO ${literal(path)} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE ${rowGroupSize})`);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(JSON.stringify({ seconds, bytes: statSync(path).size, threads }));
} else {
  const started = performance.now();
  const reader = await connection.runAndReadAll(`
    SELECT count(*), sum(epoch_us(timestamp)), sum(length(symbol)), sum(open), sum(high), sum(low), sum(close), sum(volume)
    FROM read_parquet(${literal(path)})`);
  const seconds = (performance.now() - started) / 1000;
  const [count, , symbolChars, , , , , volume] = reader.getRows()[0];
  process.stdout.write(JSON.stringify({ seconds, rows: String(count), volume: String(volume), symbolChars: String(symbolChars), threads }));
}
