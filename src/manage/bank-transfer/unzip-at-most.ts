/**
 * A zip's files, unpacked a piece at a time up to a limit. fflate's unzipSync trusts the sizes the
 * zip declares: an entry that says 10 bytes but inflates to a gigabyte gets a 10-byte buffer, and
 * fflate still inflates the whole gigabyte, dropping what does not fit, for seconds of the server's
 * time. Here what inflating makes is counted as it comes, and it stops at the limit.
 */
import { Inflate, strFromU8 } from 'fflate';

export type UnzipAtMost = { ok: true; files: Record<string, Uint8Array> } | { ok: false; over: true };

/** Compressed bytes inflated at once: at most about 1,000 times this is made before the count is checked. */
const piece = 4096;

/** Unzips `bytes`, refusing (over) as soon as the files together make more than `limit` bytes; throws when it is not a zip. */
export function unzipAtMost(bytes: Uint8Array, limit: number): UnzipAtMost {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endOfDirectory(view);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const files: Record<string, Uint8Array> = {};
  let made = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new Error('broken central directory');
    const utf8Name = (view.getUint16(at + 8, true) & 0x800) !== 0;
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = strFromU8(bytes.subarray(at + 46, at + 46 + nameLength), !utf8Name);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw new Error('broken local header');
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (size === 0xffffffff || start + size > bytes.length) throw new Error('entry beyond the end of the file');
    const compressed = bytes.subarray(start, start + size);
    if (method === 0) {
      made += size;
      if (made > limit) return { ok: false, over: true };
      files[name] = compressed.slice();
    } else if (method === 8) {
      const file = inflateAtMost(compressed, limit - made);
      if (!file) return { ok: false, over: true };
      made += file.length;
      files[name] = file;
    } else throw new Error(`unknown compression method ${method}`);
  }
  return { ok: true, files };
}

/** Where the end-of-central-directory record starts (it may be followed by a comment of up to 64 KB). */
function endOfDirectory(view: DataView): number {
  for (let e = view.byteLength - 22; e >= 0 && view.byteLength - e <= 65557; e--)
    if (view.getUint32(e, true) === 0x06054b50) return e;
  throw new Error('no zip directory found');
}

/** The inflated bytes, or null once they pass `limit`. */
function inflateAtMost(compressed: Uint8Array, limit: number): Uint8Array | null {
  const parts: Uint8Array[] = [];
  let length = 0;
  const inflater = new Inflate((part) => {
    length += part.length;
    if (length <= limit) parts.push(part);
  });
  for (let i = 0; i < compressed.length && length <= limit; i += piece)
    inflater.push(compressed.subarray(i, i + piece), i + piece >= compressed.length);
  if (compressed.length === 0) inflater.push(new Uint8Array(), true);
  if (length > limit) return null;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
