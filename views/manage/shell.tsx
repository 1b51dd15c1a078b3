import type { Child } from 'hono/jsx';
import type { Member } from '../../src/middleware/auth';
import { Layout } from '../layout';

export type Section = 'assessments' | 'team' | 'api' | 'settings';

/** Every manager page: site header with the organization, a section nav, the org switcher. */
export function ManageLayout(props: {
  member: Member;
  title: string;
  nonce?: string;
  section?: Section;
  children?: Child;
}) {
  const { member } = props;
  const link = (section: Section, href: string, label: string) => (
    <li>
      <a href={href} aria-current={props.section === section ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <Layout title={props.title} nonce={props.nonce} user={{ name: member.user.name, orgName: member.orgName }}>
      <div class="manage-bar no-print">
        <nav aria-label="Workspace">
          <ul class="tabs">
            {link('assessments', '/app', 'Assessments')}
            {link('team', '/app/team', 'Team')}
            {member.permissions['apiKey.manage'] ? link('api', '/app/settings/api-keys', 'API keys') : null}
            {link('settings', '/account/password', 'Account')}
          </ul>
        </nav>
        {member.memberships.length > 1 ? (
          <form method="post" action="/app/switch-org" class="org-switch">
            <label for="org-switch" class="sr-only">
              Organization
            </label>
            <select id="org-switch" name="orgId">
              {member.memberships.map((m) => (
                <option value={m.orgId} selected={m.orgId === member.orgId}>
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
            {member.orgName} · {member.role}
          </span>
        )}
      </div>
      {props.children}
    </Layout>
  );
}
