/**
 * Code blocks scroll sideways inside their own box instead of widening the page, and a box that
 * scrolls must be reachable by keyboard (WCAG 2.1.1; axe `scrollable-region-focusable`). The
 * sanitizer leaves every <pre> bare (it allows no attribute on it), so this is applied when
 * stored question HTML is shown, not at import: stored versions stay as they are, and editing
 * nothing in the bank creates no new question version.
 */
export function focusableCodeBlocks(html: string): string {
  return html.replaceAll('<pre>', '<pre tabindex="0" role="region" aria-label="Code example">');
}
