/**
 * Where a private question goes: a collection and one of its topics, chosen in one select whose
 * values are `<collectionId>/<topicId>` (neither id can hold a slash).
 */
import type { AreaTopic } from '../db/schema';

export interface PlaceChoice {
  collectionId: string;
  collectionTitle: string;
  topics: { id: string; title: string }[];
}

export function placeChoices(
  collections: readonly { id: string; title: string; topics: AreaTopic[] }[],
): PlaceChoice[] {
  return collections.map((c) => ({
    collectionId: c.id,
    collectionTitle: c.title,
    topics: c.topics.map((t) => ({ id: t.id, title: t.title })),
  }));
}

export function placeValue(collectionId: string, topic: string): string {
  return `${collectionId}/${topic}`;
}

export function placeFrom(value: string): { collectionId: string; topic: string } {
  const [collectionId = '', topic = ''] = value.split('/');
  return { collectionId, topic };
}
