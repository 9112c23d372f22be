// Column sets for selects that leave out a mirrored table's `data` (Stripe's whole object, several kB with an
// invoice's lines): pages are built from the mirror's columns, and reading and parsing that JSON for every row
// was most of a list's work in the database and in the app. And columns named with their table, for the
// correlated subqueries that bring a row's children along in the row's own statement.
import { getTableColumns, getTableName, sql, type AnyColumn, type SQL, type Table } from 'drizzle-orm';

export function columnsWithoutData<T extends Table & { data: unknown }>(table: T): Omit<T['_']['columns'], 'data'> {
  const { data: _data, ...rest } = getTableColumns(table);
  return rest;
}

/**
 * A column with its table's name, always: for the outer row a correlated subquery refers to. drizzle leaves a
 * column's table off in a select from one table, and inside the subquery a bare "id" would then be the inner
 * table's own.
 */
export function qualified(column: AnyColumn): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}
