// The navigator says the same as the server-rendered one (views/candidate/test-page.tsx): a class
// for the eye, a label for the ear.

/** Whether the fields say "answered" (the flag alone is not an answer), and whether they flag. */
export const answerMarks = (fields) => ({
  answered: fields.some(([k, v]) => k !== 'flagged' && v.trim() !== ''),
  flagged: fields.some(([k]) => k === 'flagged'),
});

const linkTo = (position) => document.querySelector(`.navigator a[data-position="${position}"]`);

/** Marks a question answered or not, flagged or not, and counts the answered ones in the progress bar. */
export function markQuestion(position, { answered, flagged }) {
  const link = linkTo(position);
  if (!link) return;
  link.classList.toggle('answered', answered);
  link.classList.toggle('flagged', flagged);
  link.setAttribute(
    'aria-label',
    `Question ${Number(position) + 1}, ${answered ? 'answered' : 'not answered'}${flagged ? ', flagged' : ''}`,
  );
  const progress = document.getElementById('progress');
  const label = document.querySelector('label[for="progress"]');
  if (progress && label) {
    const count = document.querySelectorAll('.navigator a[data-position].answered').length;
    progress.value = count;
    label.textContent = `${count} of ${progress.max} answered`;
  }
}

/** Marks the question on screen as the current step. */
export function markCurrent(position) {
  for (const link of document.querySelectorAll('.navigator a[data-position]')) {
    const current = link.dataset.position === position;
    link.classList.toggle('current', current);
    if (current) link.setAttribute('aria-current', 'step');
    else link.removeAttribute('aria-current');
  }
}
