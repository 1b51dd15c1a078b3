import type { Child } from 'hono/jsx';
import { Layout } from '../layout';

export type Section = 'assessments' | 'bank' | 'team' | 'api' | 'webhooks' | 'settings';

/** The signed-in member as the workspace shows them: names and what they may open, no more. */
export interface WorkspaceViewer {
  name: string;
  orgId: string;
  orgName: string;
  /** Their role in this organization, as stored ("owner"). */
  role: string;
  canManageApiKeys: boolean;
  canManageWebhooks: boolean;
  /** Every organization they belong to, for the switcher. */
  organizations: { orgId: string; orgName: string; role: string }[];
}

/** Every manager page: site header with the organization, a section nav, the org switcher. */
export function WorkspaceLayout(props: {
  viewer: WorkspaceViewer;
  title: string;
  nonce?: string;
  section?: Section;
  children?: Child;
}) {
  const { viewer } = props;
  const link = (section: Section, href: string, label: string) => (
    <li>
      <a href={href} aria-current={props.section === section ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <Layout title={props.title} nonce={props.nonce} user={{ name: viewer.name, orgName: viewer.orgName }}>
      <div class="manage-bar no-print">
        <nav aria-label="Workspace">
          <ul class="tabs">
            {link('assessments', '/app', 'Assessments')}
            {link('bank', '/app/bank', 'Question bank')}
            {link('team', '/app/team', 'Team')}
            {viewer.canManageApiKeys ? link('api', '/app/settings/api-keys', 'API keys') : null}
            {viewer.canManageWebhooks ? link('webhooks', '/app/settings/webhooks', 'Webhooks') : null}
            {link('settings', '/account/password', 'Account')}
          </ul>
        </nav>
        {viewer.organizations.length > 1 ? (
          <form method="post" action="/app/switch-org" class="org-switch">
            <label for="org-switch" class="sr-only">
              Organization
            </label>
            <select id="org-switch" name="orgId">
              {viewer.organizations.map((m) => (
                <option value={m.orgId} selected={m.orgId === viewer.orgId}>
                  {m.orgName} ({m.role})
                </option>
              ))}
            </select>
            <button type="submit" class="small secondary">
              Switch
            </button>
          </form>
        ) : (
          <span class="muted small">
            {viewer.orgName} · {viewer.role}
          </span>
        )}
      </div>
      {props.children}
    </Layout>
  );
}
