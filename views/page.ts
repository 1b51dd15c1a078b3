import type { NavUser } from './layout';
import type { Section } from './manage/shell';

/**
 * What a route says about a whole page besides its content: `c.render(<Page />, { title })`.
 * The renderer (src/middleware/renderer.tsx) wraps the content in the layout with the request's
 * nonce and, on workspace pages, the signed-in member's workspace bar.
 */
export interface PageProps {
  /** The page's own title; the layout adds the site's name. */
  title: string;
  /** A page of the manager workspace, with this section current in its bar. */
  workspace?: Section;
  /** Pages for candidates drop the site navigation: nothing to wander off to mid-test. */
  bare?: boolean;
  /** Who is signed in, for the site navigation (workspace pages take it from the member). */
  user?: NavUser | null;
  /** ES modules the page runs, loaded with the request's nonce. */
  scripts?: string[];
}
