// The countdown: the server's remaining seconds, counted on the monotonic clock (a change of the
// device's clock moves nothing), announced to screen readers at 5 minutes and 1 minute.

export function formatRemaining(s) {
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
}

const announcements = [
  [300, '5 minutes left'],
  [60, '1 minute left'],
];

/**
 * Runs the countdown in `timer`. At zero it calls `onTimeUp` with a function that tells the
 * milliseconds left until the server stops taking saves (the deadline plus a short grace).
 */
export function startCountdown(timer, announce, onTimeUp) {
  const remaining = Number(timer.dataset.remaining);
  const closes = Number(timer.dataset.closes ?? remaining + 6);
  const start = performance.now();
  const said = new Set();
  const tick = () => {
    const left = Math.max(0, remaining - Math.floor((performance.now() - start) / 1000));
    timer.textContent = formatRemaining(left);
    timer.classList.toggle('low', left <= 60);
    for (const [at, text] of announcements) {
      if (left <= at && remaining > at && !said.has(at)) {
        said.add(at);
        if (announce) announce.textContent = text;
      }
    }
    if (left === 0) {
      clearInterval(interval);
      timer.textContent = 'Time is up';
      onTimeUp(() => closes * 1000 + 500 - (performance.now() - start));
    }
  };
  const interval = setInterval(tick, 500);
  tick();
}
