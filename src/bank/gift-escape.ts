/** Text written into GIFT, the way Moodle's own exporter writes it (qformat_gift::repchar). */

/** Escapes GIFT's special characters; `\` first, so the escapes it adds are not doubled. Newlines become `\n`. */
export function escapeGift(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/[~=#{}:]/g, '\\$&')
    .replace(/\r/g, '')
    .replace(/\n/g, '\\n');
}
