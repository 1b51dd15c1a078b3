/**
 * Import into and export from the organization's bank (bank.edit): an upload is read, each of its
 * questions checked and saved as a draft on its own (src/manage/bank-transfer/), and a file that
 * cannot be read at all is refused with 400 before anything is written. Exports are downloads.
 */
import { type Context, Hono } from 'hono';
import { TransferPage, type TransferView } from '../../../views/manage/bank-transfer';
import { organizationName } from '../../db/accounts';
import { getCollection, listCollections } from '../../db/collections';
import { field } from '../../http/form';
import { PublicError } from '../../http/public-error';
import { readUpload as readMultipart } from '../../http/upload';
import { type ExportFormat, exportBank, exportFormats } from '../../manage/bank-transfer/export';
import { importCandidates } from '../../manage/bank-transfer/import';
import { readUpload } from '../../manage/bank-transfer/read-upload';
import { type ManageEnv, requireCapability } from '../../middleware/auth';

export const bankTransferRoutes = new Hono<ManageEnv>();

type Ctx = Context<ManageEnv>;

const mayEdit = requireCapability('bank.edit');

async function renderPage(c: Ctx, view: Omit<TransferView, 'collections'>, status: 200 | 400 | 422 = 200) {
  const collections = await listCollections(c.get('deps').db, c.get('member').orgId);
  c.header('Cache-Control', 'no-store');
  c.status(status);
  return c.render(
    <TransferPage
      view={{ collections: collections.map(({ id, title, topics }) => ({ id, title, topics })), ...view }}
    />,
    { title: 'Import and export questions', workspace: 'bank' },
  );
}

bankTransferRoutes.get('/app/bank/transfer', mayEdit, (c) =>
  renderPage(c, { values: { collection: c.req.query('collection') ?? '', topic: '' }, errors: {} }),
);

bankTransferRoutes.post('/app/bank/import', mayEdit, async (c) => {
  const { db, clock } = c.get('deps');
  const member = c.get('member');
  const { form, files } = await readMultipart(c, 'files');
  const values = { collection: field(form, 'collection') ?? '', topic: (field(form, 'topic') ?? '').trim() };
  if (values.collection === '')
    return renderPage(c, { values, errors: { collection: 'Choose one of your collections to import into.' } }, 422);
  // The form offers only the organization's own collections: any other id is not found, as everywhere.
  const collection = await getCollection(db, member.orgId, values.collection);
  if (!collection) throw new PublicError(404, 'There is no such collection in your organization.');
  if (values.topic !== '' && !collection.topics.some((t) => t.id === values.topic))
    return renderPage(
      c,
      {
        values,
        errors: { topic: `"${values.topic}" is not a topic of ${collection.title}: choose one of its topics.` },
      },
      422,
    );
  const uploaded = await Promise.all(
    files.map(async (file) => ({ name: file.name || 'upload', bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
  const topic = values.topic === '' ? undefined : values.topic;
  const read = readUpload(uploaded, { collection: collection.id, topic });
  if (!read.ok) return renderPage(c, { values, errors: { files: read.error } }, 400);
  const summary = await importCandidates(db, {
    orgId: member.orgId,
    actorId: member.user.id,
    collection,
    topic,
    candidates: read.candidates,
    problems: read.problems,
    notes: read.notes,
    grade: c.get('deps').grade,
    now: clock(),
  });
  const nothing = summary.created.length === 0 && summary.problems.length > 0;
  return renderPage(
    c,
    { values, errors: {}, result: { collectionTitle: collection.title, ...summary } },
    nothing ? 422 : 200,
  );
});

bankTransferRoutes.get('/app/bank/export', mayEdit, async (c) => {
  const { db, clock } = c.get('deps');
  const member = c.get('member');
  const format = (c.req.query('format') || 'zip') as ExportFormat;
  if (!exportFormats.includes(format))
    throw new PublicError(400, `Choose an export format: ${exportFormats.join(', ')}.`);
  const collectionId = c.req.query('collection') || undefined;
  if (collectionId !== undefined && !(await getCollection(db, member.orgId, collectionId)))
    throw new PublicError(404, 'There is no such collection in your organization.');
  const file = await exportBank(db, {
    orgId: member.orgId,
    orgName: (await organizationName(db, member.orgId)) ?? 'bank',
    format,
    collectionId,
    now: clock(),
  });
  c.header('Content-Type', file.contentType);
  c.header('Content-Disposition', `attachment; filename="${file.fileName}"`);
  c.header('Cache-Control', 'no-store');
  return c.body(new Uint8Array(file.body));
});
