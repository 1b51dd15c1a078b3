/**
 * The baseline the benchmark divides by: bare Hono on @hono/node-server with the app's embedded
 * libSQL settings (one connection, src/db/client.ts embeddedPragmas) and nothing else: no
 * middleware, no Drizzle, no tokens.
 *   POST /insert  parses the form like src/http/form.ts and runs one INSERT
 *   GET  /page    reads 5 rows and renders a hono/jsx page of about PAGE_BYTES
 */
import { serve } from '@hono/node-server';
import { createClient } from '@libsql/client';
import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import { embeddedPragmas } from '../src/db/client';

const url = process.env.DATABASE_URL ?? 'file:baseline.db';
const client = createClient({ url, concurrency: 1 });
for (const pragma of embeddedPragmas) await client.execute(pragma);
await client.batch([
  'create table if not exists saves (attempt_id text, question_id text, answer text, seq integer, saved_at integer)',
  'create table if not exists items (id integer primary key, title text, body text)',
  'delete from items',
  ...[1, 2, 3, 4, 5].map((i) => ({
    sql: 'insert into items values (?, ?, ?)',
    args: [i, `Option ${i}`, `The text of option ${i}, about as long as a real answer option.`],
  })),
]);

type Row = { id: number; title: string; body: string };

const Page: FC<{ rows: Row[]; filler: number }> = ({ rows, filler }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <title>Question</title>
      <link rel="stylesheet" href="/static/app.css" />
    </head>
    <body>
      <main>
        <h1>Question 3 of 20</h1>
        <form method="post" action="/insert">
          {rows.map((r) => (
            <label>
              <input type="radio" name="choice" value={String(r.id)} />
              <span>{r.title}</span> <small>{r.body}</small>
            </label>
          ))}
          <button type="submit">Save</button>
        </form>
        <nav>
          <ol>
            {Array.from({ length: filler }, (_, i) => (
              <li>
                <a href={`/page?q=${i}`} class="navigator-item" data-position={String(i)}>
                  Question {i + 1}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      </main>
    </body>
  </html>
);

const readRows = async () =>
  (await client.execute('select id, title, body from items order by id limit 5')).rows as unknown as Row[];
const render = async (filler: number) =>
  `<!DOCTYPE html>${(<Page rows={await readRows()} filler={filler} />).toString()}`;

// Pad the page to PAGE_BYTES with navigator-like items (elements, not one long string).
const target = Number(process.env.PAGE_BYTES ?? 10_000);
const perItem = (await render(1)).length - (await render(0)).length;
const filler = Math.max(0, Math.round((target - (await render(0)).length) / perItem));

const app = new Hono();
app.post('/insert', async (c) => {
  const form = new URLSearchParams(await c.req.text());
  await client.execute({
    sql: 'insert into saves (attempt_id, question_id, answer, seq, saved_at) values (?, ?, ?, ?, ?)',
    args: [
      form.get('a') ?? '',
      form.get('q') ?? '',
      form.get('choice') ?? '',
      Number(form.get('seq') ?? 0),
      Date.now(),
    ],
  });
  return c.html('<span class="saved">Saved</span>');
});
app.get('/page', async (c) => c.html(await render(filler)));

const pageBytes = (await render(filler)).length;
const port = Number(process.env.PORT ?? 3001);
serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => {
  console.log(`baseline listening on ${port}, page of ${pageBytes} bytes`);
});
