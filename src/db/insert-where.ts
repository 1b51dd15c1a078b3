/**
 * `insert into <table> select <values> where <guard>`: a row written only while a condition holds,
 * decided inside the statement, so a batch can guard its writes on what it reads in the same
 * transaction. Built with the query builder so that it runs inside `db.batch` on D1 as well
 * (drizzle's D1 batch cannot bind raw SQL). Every column of the table is selected in its order: a
 * given value, else the column's default, else null.
 */
import { getTableColumns, is, SQL, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './client';

export function insertWhere<T extends SQLiteTable>(db: Db, table: T, values: Partial<T['$inferInsert']>, guard: SQL) {
  const given = values as Record<string, unknown>;
  const selected = Object.entries(getTableColumns(table))
    // The same columns, in the same order, as drizzle's insert lists (it skips generated columns).
    .filter(([, column]) => !(column as unknown as { shouldDisableInsert(): boolean }).shouldDisableInsert())
    .map(([key, column]) => {
      if (given[key] !== undefined) return sql.param(given[key], column);
      if (is(column.default, SQL)) return column.default;
      if (column.default !== undefined) return sql.param(column.default, column);
      return sql`null`;
    });
  return db.insert(table as SQLiteTable).select(sql`select ${sql.join(selected, sql`, `)} where ${guard}`);
}
