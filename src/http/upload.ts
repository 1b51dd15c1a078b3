import type { Context } from 'hono';
import { type FormData, readForm } from './form';

/**
 * The fields and the chosen files of a multipart form (a plain url-encoded post works too, with
 * no files). Empty file inputs (a browser sends one with no name and no bytes) are left out.
 */
export async function readUpload(c: Context, fileField: string): Promise<{ form: FormData; files: File[] }> {
  if (!(c.req.header('Content-Type') ?? '').startsWith('multipart/form-data'))
    return { form: await readForm(c), files: [] };
  const body = await c.req.parseBody({ all: true });
  const form: FormData = {};
  const files: File[] = [];
  for (const [key, value] of Object.entries(body)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === 'string') form[key] = form[key] === undefined ? v : [...[form[key]].flat(), v];
      else if (key === fileField && v.size > 0) files.push(v);
    }
  }
  return { form, files };
}
