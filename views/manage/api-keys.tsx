import { Field, Notice } from '../components/form';
import { formatDateTime } from '../components/format';
import { TableWrap } from '../components/table-wrap';

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  scopes: readonly string[];
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
  createdBy: string;
}

export function ApiKeysPage(p: {
  orgName: string;
  keys: ApiKeyRow[];
  created?: { name: string; key: string };
  error?: string;
  notice?: string;
}) {
  return (
    <>
      <div class="page-head">
        <h1>API keys</h1>
        <a href="/api/openapi.json">API reference (OpenAPI)</a>
      </div>
      <p class="muted">
        Keys let your applicant tracking system read assessments and results and, with write access, send invitations. A
        key acts for {p.orgName}; keep it secret. Send it as <code>Authorization: Bearer &lt;key&gt;</code>.
      </p>
      {p.created ? (
        <div class="alert alert-ok" role="status">
          <p>
            <strong>Key “{p.created.name}” created.</strong> Copy it now: it is shown only once.
          </p>
          <p>
            <label for="new-key" class="sr-only">
              New API key
            </label>
            <input id="new-key" type="text" readonly value={p.created.key} />{' '}
            <button type="button" class="small secondary" data-copy={p.created.key}>
              Copy
            </button>
          </p>
        </div>
      ) : null}
      <Notice text={p.notice} />
      <section class="panel">
        <h2>New key</h2>
        <form method="post" action="/app/settings/api-keys" class="stack">
          <Field
            required
            name="name"
            label="Name"
            hint="What uses this key, e.g. “Greenhouse integration”."
            error={p.error}
          />
          <fieldset>
            <legend>Access</legend>
            <label class="team-role-choice">
              <input type="radio" name="access" value="read" checked />
              <span>
                Read only
                <span class="hint">Assessments, candidates and results.</span>
              </span>
            </label>
            <label class="team-role-choice">
              <input type="radio" name="access" value="write" />
              <span>
                Read and write
                <span class="hint">
                  Also invites candidates (they get an email), revokes and extends invitations. Greenhouse needs this.
                </span>
              </span>
            </label>
          </fieldset>
          <button type="submit">Create key</button>
        </form>
      </section>
      <section class="panel" aria-labelledby="keys-heading">
        <h2 id="keys-heading">Keys</h2>
        {p.keys.length === 0 ? (
          <p class="muted">No keys yet.</p>
        ) : (
          <TableWrap labelledBy="keys-heading">
            <table>
              <caption class="sr-only">API keys of {p.orgName}</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Key</th>
                  <th scope="col">Access</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {p.keys.map((k) => (
                  <tr>
                    <td>{k.name}</td>
                    <td>
                      <code>{k.prefix}…</code>
                    </td>
                    <td>{k.scopes.includes('write') ? 'Read and write' : 'Read only'}</td>
                    <td>
                      {formatDateTime(k.createdAt)} by {k.createdBy}
                    </td>
                    <td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'never'}</td>
                    <td>
                      {k.revokedAt ? (
                        <span class="badge bad">revoked</span>
                      ) : (
                        <form method="post" action={`/app/settings/api-keys/${k.id}/revoke`}>
                          <button type="submit" class="small danger" aria-label={`Revoke key ${k.name}`}>
                            Revoke
                          </button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
    </>
  );
}
