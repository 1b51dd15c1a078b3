/**
 * Which IP addresses an outgoing webhook may reach: public unicast only. Refused: loopback,
 * private (RFC 1918), carrier-grade NAT, link-local (169.254.0.0/16 holds cloud metadata
 * services), unique-local IPv6, multicast, documentation and reserved ranges, and IPv6 forms
 * that carry an IPv4 address (mapped, NAT64, 6to4), which are judged by the address they carry.
 */

type Range = readonly [network: bigint, prefix: number];

const v4Blocked: readonly Range[] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and broadcast
].map(([address, prefix]) => [parseIpv4(address as string) as bigint, prefix as number] as const);

const v6Blocked: readonly Range[] = [
  ['::', 128], // unspecified
  ['::1', 128],
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments (Teredo and others)
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
].map(([address, prefix]) => [parseIpv6(address as string) as bigint, prefix as number] as const);

function inRange(value: bigint, bits: number, [network, prefix]: Range): boolean {
  const shift = BigInt(bits - prefix);
  return value >> shift === network >> shift;
}

export function parseIpv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

export function parseIpv6(text: string): bigint | null {
  let rest = text.toLowerCase();
  // A dotted IPv4 tail (::ffff:127.0.0.1) becomes two groups.
  const dotted = rest.match(/^(.*:)(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const v4 = parseIpv4(dotted[2] as string);
    if (v4 === null) return null;
    rest = `${dotted[1]}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = rest.split('::');
  if (halves.length > 2) return null;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const head = groups(halves[0] as string);
  const tail = halves.length === 2 ? groups(halves[1] as string) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  let value = 0n;
  for (const group of [...head, ...Array<string>(missing).fill('0'), ...tail]) {
    if (!/^[0-9a-f]{1,4}$/.test(group)) return null;
    value = (value << 16n) | BigInt(Number.parseInt(group, 16));
  }
  return value;
}

/** The IPv4 address an IPv6 one stands for (mapped, compatible, NAT64, 6to4), if any. */
function embeddedIpv4(value: bigint): bigint | null {
  const low32 = value & 0xffffffffn;
  if (value >> 32n === 0xffffn) return low32; // ::ffff:a.b.c.d
  if (value >> 32n === 0n) return low32; // ::a.b.c.d (deprecated "compatible" form)
  if (value >> 32n === 0x64ff9b0000000000000000n) return low32; // 64:ff9b::/96
  if (value >> 112n === 0x2002n) return (value >> 80n) & 0xffffffffn; // 2002:aabb:ccdd::/16
  return null;
}

/** Whether `address` (an IPv4 or IPv6 literal, without brackets) is a public unicast address. */
export function isPublicAddress(address: string): boolean {
  const v4 = parseIpv4(address);
  if (v4 !== null) return !v4Blocked.some((range) => inRange(v4, 32, range));
  const v6 = parseIpv6(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  if (v6 === null) return false;
  // ::, ::1 first: they would otherwise read as the "compatible" IPv4 addresses 0.0.0.0 and 0.0.0.1.
  if (v6Blocked.some((range) => inRange(v6, 128, range))) return false;
  const carried = embeddedIpv4(v6);
  if (carried !== null)
    return isPublicAddress([24n, 16n, 8n, 0n].map((shift) => String((carried >> shift) & 0xffn)).join('.'));
  return true;
}

/** Whether `host` (a URL's hostname) is an IP literal rather than a name. */
export function isIpLiteral(host: string): boolean {
  return parseIpv4(host) !== null || parseIpv6(host.replace(/^\[|\]$/g, '')) !== null;
}
