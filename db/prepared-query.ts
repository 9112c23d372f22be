// Queries whose SQL text is built once. drizzle builds a query's text from its builder on every call (walking the
// builder, quoting every column, collecting the parameters): about 0.2 ms of CPU, as much as postgres-js then
// spends sending the statement and reading its rows. The queries every page view runs (who is asking, the
// membership, the page's own reads) are built once per database with placeholders and run with the values.
import type { Query, SQL } from 'drizzle-orm';
import { PgDialect, type PreparedQueryConfig } from 'drizzle-orm/pg-core';
import { db, getDb, type Tx } from '@/db';

type Runs<Result> = { execute(values?: Record<string, unknown>): Promise<Result> };
type Preparable<Result> = Runs<Result> & { prepare(name: string): Runs<Result> };

/**
 * `build` writes the query against `tx` with `sql.placeholder(name)` where the values go. Called without a
 * transaction, the query is built once per database and run with `values`; in a transaction it is built against
 * that transaction each time, as usual (drizzle binds a query to its session). Callers type `values`: the query
 * functions that wrap this take typed parameters.
 */
export function preparedQuery<Result>(
  name: string,
  build: (tx: Tx) => Preparable<Result>,
): (values: Record<string, unknown>, tx?: Tx) => Promise<Result> {
  const byDatabase = new WeakMap<object, Runs<Result>>();
  return (values, tx = db) => {
    if (tx !== db) return build(tx).execute(values);
    const database = getDb();
    let prepared = byDatabase.get(database);
    if (!prepared) {
      prepared = build(database).prepare(name);
      byDatabase.set(database, prepared);
    }
    return prepared.execute(values);
  };
}

/**
 * The same for a statement written in SQL (`sql\`...\`` with `sql.placeholder(name)`): its text is built once, and
 * each call runs it with the values on the database or on the transaction given. Rows come back as `tx.execute`
 * returns them.
 */
export function preparedStatement<Row extends Record<string, unknown>>(
  name: string,
  statement: () => SQL,
): (values: Record<string, unknown>, tx?: Tx) => Promise<Row[]> {
  let query: Query | undefined;
  return (values, tx = db) => {
    query ??= new PgDialect().sqlToQuery(statement());
    return tx._.session.prepareQuery<PreparedQueryConfig & { execute: Row[] }>(query, undefined, name, false).execute(values);
  };
}
