// Usage: node read.mjs FILE.parquet
// Reads FILE with DuckDB and prints one JSON object: { duckdb, columns: [{name, type}], rows: [[...]], layout }.
// Values are in canonical text form (canonical.mjs); rows keep the file's order.
import { DuckDBInstance, version } from '@duckdb/node-api';
import { readCanonical, fileLayout, sqlString } from './canonical.mjs';

const [path] = process.argv.slice(2);
if (!path) {
  console.error('usage: node read.mjs FILE.parquet');
  process.exit(2);
}
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
// TIMESTAMP WITH TIME ZONE values are converted from raw micros, but keep the session in UTC anyway.
await connection.run(`SET TimeZone = 'UTC'`);
const table = await readCanonical(connection, `SELECT * FROM read_parquet(${sqlString(path)})`);
const layout = await fileLayout(connection, path);
process.stdout.write(JSON.stringify({ duckdb: version(), ...table, layout }));
