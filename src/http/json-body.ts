import type { Context } from 'hono';
import { type FieldError, ProblemError } from './problem';

export type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The request's body as a JSON object; an empty body is an empty object (a POST that needs no
 * fields). Anything else is the client's 400, saying what to send.
 */
export async function readJsonObject(c: Context): Promise<JsonObject> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const why = err instanceof SyntaxError ? ` (${err.message})` : '';
    throw new ProblemError({
      status: 400,
      type: 'malformed-body',
      detail: `The body is not valid JSON${why}. Send a JSON object with Content-Type: application/json.`,
    });
  }
  if (!isObject(value))
    throw new ProblemError({ status: 400, type: 'malformed-body', detail: 'The body must be a JSON object ({...}).' });
  return value;
}

/**
 * Reads typed fields of a JSON object and collects what is wrong with each, so one answer lists
 * every problem. `at` is the object's JSON pointer in the body ('' for the body itself).
 */
export class FieldReader {
  readonly errors: FieldError[];
  constructor(
    private readonly body: JsonObject,
    private readonly at = '',
    errors: FieldError[] = [],
  ) {
    this.errors = errors;
  }

  pointer(name: string): string {
    return `${this.at}/${name}`;
  }

  fail(name: string, detail: string): void {
    this.errors.push({ field: this.pointer(name), detail });
  }

  /** A trimmed string; `fallback` when missing (undefined makes it required). */
  string(name: string, opts: { max: number; fallback?: string | null }): string | null {
    const value = this.body[name];
    if (value === undefined || value === null) {
      if (opts.fallback === undefined) this.fail(name, 'is required.');
      return opts.fallback ?? null;
    }
    if (typeof value !== 'string') {
      this.fail(name, 'must be a string.');
      return null;
    }
    const trimmed = value.trim();
    if (trimmed.length > opts.max) this.fail(name, `must be at most ${opts.max} characters.`);
    return trimmed;
  }

  /** A whole number within [min, max]; `fallback` when missing (undefined makes it required). */
  integer(name: string, opts: { min: number; max: number; fallback?: number }): number | null {
    const value = this.body[name];
    if (value === undefined || value === null) {
      if (opts.fallback === undefined) this.fail(name, 'is required.');
      return opts.fallback ?? null;
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < opts.min || value > opts.max) {
      this.fail(name, `must be a whole number from ${opts.min} to ${opts.max}.`);
      return null;
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.body[name];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'boolean') {
      this.fail(name, 'must be true or false.');
      return fallback;
    }
    return value;
  }

  /** An array of objects, each read by its own reader (pointers `/name/0`, `/name/1`...). */
  objects(name: string, opts: { min: number; max: number }): FieldReader[] {
    const value = this.body[name];
    if (!Array.isArray(value) || value.length < opts.min || value.length > opts.max) {
      this.fail(name, `must be an array of ${opts.min} to ${opts.max} objects.`);
      return [];
    }
    return value.flatMap((item, i) => {
      if (isObject(item)) return [new FieldReader(item, `${this.pointer(name)}/${i}`, this.errors)];
      this.errors.push({ field: `${this.pointer(name)}/${i}`, detail: 'must be an object.' });
      return [];
    });
  }

  has(name: string): boolean {
    return this.body[name] !== undefined && this.body[name] !== null;
  }

  /** A nested object, read by its own reader; null (and a problem) when it is anything else. */
  object(name: string): FieldReader | null {
    const value = this.body[name];
    if (isObject(value)) return new FieldReader(value, this.pointer(name), this.errors);
    this.fail(name, 'must be an object.');
    return null;
  }
}
