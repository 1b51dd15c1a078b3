/** SHA-256 with Web Crypto, so the same code runs on Node and in a Worker. */

const encoder = new TextEncoder();

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** CRLF and lone CR become LF: a file checked out on Windows hashes like the same file on Linux. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
