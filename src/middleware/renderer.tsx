import type { MiddlewareHandler } from 'hono';
import type { Child } from 'hono/jsx';
import { Layout } from '../../views/layout';
import { WorkspaceLayout, type WorkspaceViewer } from '../../views/manage/shell';
import type { PageProps } from '../../views/page';
import type { Member } from './auth';

declare module 'hono' {
  interface ContextRenderer {
    // biome-ignore lint/style/useShorthandFunctionType: Hono types c.render by merging into this interface
    (content: Child, page: PageProps): Response | Promise<Response>;
  }
}

/** The member as the workspace bar shows them: names, roles as words, one boolean per link. */
export function workspaceViewer(member: Member): WorkspaceViewer {
  return {
    name: member.user.name,
    orgId: member.orgId,
    orgName: member.orgName,
    role: member.role,
    canManageApiKeys: member.permissions['apiKey.manage'],
    canManageWebhooks: member.permissions['webhook.manage'],
    organizations: member.memberships.map((m) => ({ orgId: m.orgId, orgName: m.orgName, role: m.role })),
  };
}

/**
 * `c.render(<Page />, { title, ... })` wraps a page in the layout, with what every page needs
 * from the request: the script nonce the CSP allows, and on workspace pages the member that
 * requireMember resolved. So pages never carry either. htmx fragments are answered with c.html,
 * unwrapped, and error pages render their own layout (an error can come before this runs).
 * Set with Hono's own c.setRenderer rather than hono/jsx-renderer, whose import brings the
 * browser-side JSX runtime (hooks, DOM rendering, streaming) into the Worker bundle unused.
 */
export const pageRenderer = (): MiddlewareHandler => async (c, next) => {
  c.setRenderer((content, { title, workspace, bare, user, scripts }) => {
    const nonce: string | undefined = c.get('secureHeadersNonce');
    if (workspace) {
      const member: Member | undefined = c.get('member');
      if (!member) throw new Error(`a workspace page (${title}) rendered outside requireMember`);
      return c.html(
        <WorkspaceLayout viewer={workspaceViewer(member)} title={title} nonce={nonce} section={workspace}>
          {content}
        </WorkspaceLayout>,
      );
    }
    return c.html(
      <Layout title={title} nonce={nonce} user={user} bare={bare} scripts={scripts}>
        {content}
      </Layout>,
    );
  });
  await next();
};
