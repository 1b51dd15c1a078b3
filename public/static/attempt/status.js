// The save status line under the question: what the server said, or what this device knows.

export const notSavedYet =
  'Not saved yet: check your connection. Your answer is kept on this device and will be sent automatically.';

/** A function that shows a message of a kind (a class: saved, failed, hint), or the server's own HTML. */
export function statusLine(element) {
  return (kind, html) => {
    if (!element) return;
    element.innerHTML = kind === 'html' ? html : `<span class="${kind}">${html}</span>`;
    // The server writes times in UTC; the candidate reads them in their own time zone.
    for (const t of element.querySelectorAll('time[datetime]')) {
      t.textContent = new Date(t.getAttribute('datetime')).toLocaleTimeString();
    }
  };
}
