import type { Context } from 'hono';
import { fromBase64url, toBase64url } from '../auth/keys';
import type { FieldError } from './problem';

/**
 * Cursor pagination for the API's lists: `limit` (1 to 100) and an opaque `cursor` naming the
 * last row of the previous page (its creation time and id, which never change). Clients pass back
 * the `nextCursor` they were given and never build one.
 */
export const defaultLimit = 25;
export const maxLimit = 100;

export interface PagePosition {
  createdAt: number;
  id: string;
}

export function encodeCursor(p: PagePosition): string {
  return toBase64url(new TextEncoder().encode(`${p.createdAt}.${p.id}`));
}

function decodeCursor(text: string): PagePosition | null {
  if (!/^[\w-]{1,200}$/.test(text)) return null;
  let plain: string;
  try {
    plain = new TextDecoder('utf-8', { fatal: true }).decode(fromBase64url(text));
  } catch {
    return null;
  }
  const match = /^(\d{1,15})\.([\w-]{1,64})$/.exec(plain);
  return match ? { createdAt: Number(match[1]), id: match[2] ?? '' } : null;
}

/** `limit` and `cursor` from the query; problems are added to `errors`. */
export function readPage(c: Context, errors: FieldError[]): { limit: number; after?: PagePosition } {
  const rawLimit = c.req.query('limit');
  let limit = defaultLimit;
  if (rawLimit !== undefined) {
    limit = /^\d{1,3}$/.test(rawLimit) ? Number(rawLimit) : 0;
    if (limit < 1 || limit > maxLimit) {
      errors.push({ field: 'limit', detail: `must be a whole number from 1 to ${maxLimit}.` });
      limit = defaultLimit;
    }
  }
  const rawCursor = c.req.query('cursor');
  if (rawCursor === undefined || rawCursor === '') return { limit };
  const after = decodeCursor(rawCursor);
  if (!after)
    errors.push({ field: 'cursor', detail: 'is not a cursor this API gave out; pass nextCursor back unchanged.' });
  return after ? { limit, after } : { limit };
}

/** The page's rows and the cursor of the next page: fetch one row more than asked to know whether there is one. */
export function pageOf<T extends PagePosition>(rows: T[], limit: number): { rows: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
