/** Reads the bank's Markdown files from disk: `<dir>/<area>/*.md`, paths relative to the working directory. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { BankFile } from './parse';

export async function loadBankFiles(dir: string): Promise<BankFile[]> {
  const files: BankFile[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const area of entries.filter((e) => e.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const names = (await readdir(join(dir, area.name), { withFileTypes: true }))
      .filter((e) => e.isFile() && e.name.endsWith('.md'))
      .map((e) => e.name)
      .sort();
    for (const name of names) {
      const full = join(dir, area.name, name);
      files.push({ path: relative(process.cwd(), full).split(sep).join('/'), text: await readFile(full, 'utf8') });
    }
  }
  return files;
}
