/**
 * A map for values that never change under their key (a written attempt item, a question
 * version's content, a token that verified): least recently used out first past `capacity`, so
 * memory stays flat however many keys a process meets while the entries in use stay. Sharing it
 * between requests keeps the app stateless only because a key's value never changes: another
 * process, or another Worker isolate, simply reads the same value itself.
 */
export interface BoundedCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
}

/**
 * `refreshOnHit: false` leaves a hit where it is (oldest inserted out first): for a map far larger
 * than what it will hold, where a lookup should cost a lookup and nothing more.
 */
export function boundedCache<V>(capacity: number, { refreshOnHit = true } = {}): BoundedCache<V> {
  const entries = new Map<string, V>();
  return {
    get(key) {
      const hit = entries.get(key);
      if (hit === undefined || !refreshOnHit) return hit;
      // Map keeps insertion order: re-inserting marks the entry as the most recently used.
      entries.delete(key);
      entries.set(key, hit);
      return hit;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > capacity) entries.delete(entries.keys().next().value as string);
    },
  };
}
