import { addressSeen, type EventDetail, eventsOf, recordEvent } from '../db/attempts';
import type { Db } from '../db/client';

/**
 * Records a candidate coming back to an attempt: always a 'resumed' event, plus 'new_device' or
 * 'new_address' when this browser or network has not been seen on the attempt before. Evidence
 * for a reviewer (a laptop that changed networks is common), never a verdict.
 */
export async function noteArrival(db: Db, attemptId: string, device: string, address: string | null, now: number) {
  const seen = await knownOrigins(db, attemptId);
  const detail: EventDetail = { device, address };
  await recordEvent(db, attemptId, 'resumed', now, detail);
  if (!seen.devices.has(device)) await recordEvent(db, attemptId, 'new_device', now, detail);
  if (address && !seen.addresses.has(address)) await recordEvent(db, attemptId, 'new_address', now, detail);
}

/** On every page of the test: a new address mid-test is recorded once. */
export async function noteAddress(db: Db, attemptId: string, device: string, address: string | null, now: number) {
  await noteAddressSeen(
    db,
    attemptId,
    device,
    address,
    address !== null && (await addressSeen(db, attemptId, address)),
    now,
  );
}

/** noteAddress when the page's own read already said whether the address was `seen`. */
export async function noteAddressSeen(
  db: Db,
  attemptId: string,
  device: string,
  address: string | null,
  seen: boolean,
  now: number,
) {
  if (!address || seen) return;
  await recordEvent(db, attemptId, 'new_address', now, { device, address });
}

async function knownOrigins(db: Db, attemptId: string) {
  const devices = new Set<string>();
  const addresses = new Set<string>();
  for (const event of await eventsOf(db, attemptId)) {
    const d = event.detail?.device;
    const a = event.detail?.address;
    if (typeof d === 'string') devices.add(d);
    if (typeof a === 'string') addresses.add(a);
  }
  return { devices, addresses };
}
