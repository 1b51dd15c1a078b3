import { Hono } from 'hono';
import { ApiKeysPage } from '../../../views/manage/api-keys';
import type { PageProps } from '../../../views/page';
import { generateApiKey } from '../../auth/api-key';
import { createApiKey, listApiKeys, revokeApiKey } from '../../db/api-keys';
import type { ApiScope } from '../../db/schema';
import { field, readForm } from '../../http/form';
import { PublicError } from '../../http/public-error';
import { type ManageEnv, requireCapability } from '../../middleware/auth';

/** Organization settings: API keys. */
export const settingsRoutes = new Hono<ManageEnv>();

const manageKeys = requireCapability('apiKey.manage');

const page: PageProps = { title: 'API keys', workspace: 'api' };

settingsRoutes.get('/app/settings/api-keys', manageKeys, async (c) => {
  const member = c.get('member');
  const keys = await listApiKeys(c.get('deps').db, member.orgId);
  const notice = c.req.query('revoked') === '1' ? 'The key was revoked: requests with it now get 401.' : undefined;
  return c.render(<ApiKeysPage orgName={member.orgName} keys={keys} notice={notice} />, page);
});

settingsRoutes.post('/app/settings/api-keys', manageKeys, async (c) => {
  const member = c.get('member');
  const { db, clock } = c.get('deps');
  const form = await readForm(c);
  const name = (field(form, 'name') ?? '').trim();
  // Read-only unless write is asked for: the least a key needs is what it gets.
  const scopes: ApiScope[] = field(form, 'access') === 'write' ? ['read', 'write'] : ['read'];
  if (name.length < 1 || name.length > 80) {
    const keys = await listApiKeys(db, member.orgId);
    c.status(422);
    return c.render(
      <ApiKeysPage orgName={member.orgName} keys={keys} error="Give the key a name of 1 to 80 characters." />,
      page,
    );
  }
  const { key, prefix, hash } = await generateApiKey();
  await createApiKey(db, {
    orgId: member.orgId,
    name,
    prefix,
    keyHash: hash,
    createdBy: member.user.id,
    now: clock(),
    scopes,
  });
  c.header('Cache-Control', 'no-store');
  // Shown once in this response, never stored or shown again: not a redirect, on purpose.
  c.status(201);
  return c.render(
    <ApiKeysPage orgName={member.orgName} keys={await listApiKeys(db, member.orgId)} created={{ name, key }} />,
    page,
  );
});

settingsRoutes.post('/app/settings/api-keys/:id/revoke', manageKeys, async (c) => {
  const member = c.get('member');
  const { db, clock } = c.get('deps');
  if (!(await revokeApiKey(db, member.orgId, c.req.param('id'), clock())))
    throw new PublicError(404, 'There is no active key by that id in this organization.');
  return c.redirect('/app/settings/api-keys?revoked=1', 303);
});
