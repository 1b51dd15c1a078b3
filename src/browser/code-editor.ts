/**
 * The code editor of code and SQL questions (CodeMirror 6, bundled by scripts/assets.mjs into
 * public/static/vendor/code-editor.js and loaded by the test page only when a question needs
 * it): syntax highlighting, indentation, undo, line numbers. It enhances the plain textarea,
 * which stays in the form (hidden) and holds the text, so saving, the device queue and "Run
 * visible tests" read it as before; every edit is mirrored into it with an input event, as typing
 * in it would. Tab is left to move focus (Ctrl-] and Ctrl-[ indent), so keyboard users are not
 * trapped; the editor takes the textarea's label.
 */
import { defaultKeymap, history, historyKeymap, indentLess, indentMore } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import { SQLite, sql } from '@codemirror/lang-sql';
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';

export function enhance(textarea: HTMLTextAreaElement) {
  if (textarea.dataset.enhanced) return;
  textarea.dataset.enhanced = '1';
  const language = textarea.dataset.codeEditor === 'sql' ? sql({ dialect: SQLite }) : javascript();
  const label = textarea.labels?.[0];
  if (label && !label.id) label.id = `${textarea.id}-label`;
  const view = new EditorView({
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        lineNumbers(),
        history(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        syntaxHighlighting(defaultHighlightStyle),
        language,
        keymap.of([
          { key: 'Mod-]', run: indentMore },
          { key: 'Mod-[', run: indentLess },
          ...defaultKeymap.filter((b) => b.key !== 'Tab' && b.key !== 'Shift-Tab'),
          ...historyKeymap,
        ]),
        EditorView.contentAttributes.of({
          'aria-labelledby': label?.id ?? '',
          'aria-multiline': 'true',
          spellcheck: 'false',
          autocapitalize: 'off',
        }),
        // The page's CSP nonce, which CodeMirror puts on the <style> of its theme.
        EditorView.cspNonce.of(document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce ?? ''),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          textarea.value = update.state.doc.toString();
          textarea.dispatchEvent(new Event('input', { bubbles: true }));
        }),
        EditorView.domEventHandlers({
          blur: () => {
            textarea.dispatchEvent(new Event('change', { bubbles: true }));
          },
        }),
      ],
    }),
  });
  view.dom.classList.add('code-editor-view');
  textarea.parentNode?.insertBefore(view.dom, textarea.nextSibling);
  textarea.hidden = true;
}

/** Enhances every code textarea now on the page (called again when the test page swaps a question in). */
export function enhanceAll() {
  for (const textarea of document.querySelectorAll<HTMLTextAreaElement>('textarea[data-code-editor]')) {
    enhance(textarea);
  }
}
