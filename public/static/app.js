// Progressive enhancement only: every page works without this file.
// (The test page's save queue lives in attempt.js, loaded only there.)
document.addEventListener('click', (event) => {
  const button = event.target.closest('[data-copy]');
  if (!button) return;
  navigator.clipboard?.writeText(button.getAttribute('data-copy') ?? '').then(() => {
    const label = button.textContent;
    button.textContent = 'Copied';
    setTimeout(() => {
      button.textContent = label;
    }, 1500);
  });
});
