// Column sets for selects that leave out a mirrored table's `data` (Stripe's whole object, several kB with an
// invoice's lines): pages are built from the mirror's columns, and reading and parsing that JSON for every row
// was most of a list's work in the database and in the app.
import { getTableColumns, type Table } from 'drizzle-orm';

export function columnsWithoutData<T extends Table & { data: unknown }>(table: T): Omit<T['_']['columns'], 'data'> {
  const { data: _data, ...rest } = getTableColumns(table);
  return rest;
}
