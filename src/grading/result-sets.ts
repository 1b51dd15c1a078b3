/**
 * Comparing a query's rows with the reference query's: same number of columns, same values
 * (1 and 1.0 are equal, text is compared exactly, blobs by their bytes), in the same order only
 * when the question says order matters. Column names are not compared: aliases are free.
 */
import type { SqlValue } from 'sql.js';
import { numbersEqual } from './json-equal';

export interface ResultSet {
  columns: string[];
  rows: SqlValue[][];
}

/** A value of a result set as JSON carries it: a blob as its bytes in hex. */
export type JsonSqlValue = number | string | null | { hex: string };

/** A result set that can be stored in a key and sent to a page (blobs written as hex). */
export interface JsonResultSet {
  columns: string[];
  rows: JsonSqlValue[][];
}

export function toJsonResultSet(set: ResultSet): JsonResultSet {
  const value = (v: SqlValue): JsonSqlValue =>
    v instanceof Uint8Array ? { hex: [...v].map((x) => x.toString(16).padStart(2, '0')).join('') } : v;
  return { columns: set.columns, rows: set.rows.map((row) => row.map(value)) };
}

export function fromJsonResultSet(set: JsonResultSet): ResultSet {
  const value = (v: JsonSqlValue): SqlValue =>
    v !== null && typeof v === 'object'
      ? Uint8Array.from(v.hex.match(/../g) ?? [], (byte) => Number.parseInt(byte, 16))
      : v;
  return { columns: set.columns, rows: set.rows.map((row) => row.map(value)) };
}

export function sameResult(got: ResultSet, expected: ResultSet, orderMatters: boolean): boolean {
  if (got.columns.length !== expected.columns.length || got.rows.length !== expected.rows.length) return false;
  if (orderMatters) return got.rows.every((row, i) => sameRow(row, expected.rows[i] ?? []));
  const sortKey = (row: SqlValue[]) => JSON.stringify(row.map(canonical));
  const a = got.rows.map((row) => ({ row, key: sortKey(row) })).sort((x, y) => (x.key < y.key ? -1 : 1));
  const b = expected.rows.map((row) => ({ row, key: sortKey(row) })).sort((x, y) => (x.key < y.key ? -1 : 1));
  return a.every((x, i) => sameRow(x.row, b[i]?.row ?? []));
}

function sameRow(a: SqlValue[], b: SqlValue[]): boolean {
  return a.length === b.length && a.every((v, i) => sameValue(v, b[i] ?? null));
}

function sameValue(a: SqlValue, b: SqlValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return numbersEqual(a, b);
  if (a instanceof Uint8Array && b instanceof Uint8Array) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/** A sortable form: numbers rounded so that 0.30000000000000004 sorts beside 0.3. */
function canonical(v: SqlValue): unknown {
  if (typeof v === 'number') return ['n', Number(v.toPrecision(12))];
  if (v instanceof Uint8Array) return ['b', [...v]];
  return [typeof v, v];
}

/** The rows as a small text table for a report: header line, then one line per row, values separated by " | ". */
export function resultText(set: ResultSet): string {
  const cell = (v: SqlValue) =>
    v === null
      ? 'NULL'
      : v instanceof Uint8Array
        ? `x'${[...v].map((x) => x.toString(16).padStart(2, '0')).join('')}'`
        : String(v);
  return [set.columns.join(' | '), ...set.rows.map((r) => r.map(cell).join(' | '))].join('\n');
}
