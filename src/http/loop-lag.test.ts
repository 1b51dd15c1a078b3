import { describe, expect, it } from 'vitest';
import { loopLag } from './loop-lag';

const busyFor = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // the event loop cannot run timers meanwhile, as under a burst of requests
  }
};
const ticks = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the event loop lag', () => {
  it('is over a limit after the loop was held past it, and back under once the timer runs on time', async () => {
    const lag = loopLag(10);
    try {
      await ticks(30);
      busyFor(400);
      await ticks(0);
      await ticks(5);
      expect(lag.over(300)).toBe(true);
      await ticks(60);
      expect(lag.over(300)).toBe(false);
    } finally {
      lag.stop();
    }
  });
});
