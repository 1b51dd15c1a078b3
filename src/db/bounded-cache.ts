/**
 * A map for values that never change under their key (a written attempt item, a question
 * version's content, a token that verified): oldest entry out first past `capacity`, so memory
 * stays flat however many keys a process meets. A hit does not reorder (a draw looks up ~180
 * versions per start; the bookkeeping cost more than it saved). Sharing it between requests
 * keeps the app stateless only because a key's value never changes: another process, or another
 * Worker isolate, simply reads the same value itself.
 */
export interface BoundedCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
}

export function boundedCache<V>(capacity: number): BoundedCache<V> {
  const entries = new Map<string, V>();
  return {
    get: (key) => entries.get(key),
    set(key, value) {
      entries.set(key, value);
      if (entries.size > capacity) entries.delete(entries.keys().next().value as string);
    },
  };
}
