/**
 * How late the event loop runs: a timer due every `everyMs` notes how much later than due it
 * fired. Requests that arrive while the loop runs that late have waited about as long in their
 * sockets before the app saw them, a queue no in-flight count can see (bench part 5). Web-standard
 * timers only; the interval does not keep a Node process alive.
 */
export function loopLag(everyMs = 25) {
  let lateMs = 0;
  let due = performance.now() + everyMs;
  const timer = setInterval(() => {
    const now = performance.now();
    lateMs = Math.max(0, now - due);
    due = now + everyMs;
  }, everyMs);
  (timer as { unref?: () => void }).unref?.();
  return {
    /** Whether the last tick came more than `limitMs` late. */
    over: (limitMs: number) => lateMs > limitMs,
    stop: () => clearInterval(timer),
  };
}
