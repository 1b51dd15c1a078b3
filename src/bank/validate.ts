/**
 * Bank-wide checks on top of the per-question ones: areas and their topic lists, topic files
 * against those lists, and question ids unique across the whole bank. Returns every problem plus
 * the areas and questions sound enough to compile; a question with an error is left out.
 */
import type { BankFile } from './parse';
import { parseBank } from './parse';
import type { ParsedBank, Problem, SourceArea, SourceQuestion } from './types';
import { checkQuestion, idPattern } from './validate-question';

export interface ValidatedBank {
  errors: Problem[];
  warnings: Problem[];
  areas: SourceArea[];
  questions: SourceQuestion[];
}

export function validateBank(parsed: ParsedBank): ValidatedBank {
  const errors: Problem[] = [...parsed.problems];
  const warnings: Problem[] = [];
  const error = (file: string, line: number, message: string) => errors.push({ file, line, message });

  const areas = new Map<string, SourceArea>();
  const listed = new Map<string, Set<string>>(); // area -> topic ids in its area.md
  for (const raw of parsed.areas) {
    if (!idPattern.test(raw.area)) error(raw.path, 1, `area folder "${raw.area}" must be lower-case kebab case`);
    if (!raw.title?.value) error(raw.path, raw.title?.line ?? 1, 'area.md has no title in its front matter');
    if (!raw.summary?.value) error(raw.path, raw.summary?.line ?? 1, 'area.md has no summary in its front matter');
    if (raw.topicsLine === null) error(raw.path, 1, 'area.md has no "## Topics" section');
    else if (raw.topics.length === 0) error(raw.path, raw.topicsLine, 'the topic list is empty');
    const topics: SourceArea['topics'] = [];
    for (const t of raw.topics) {
      const before = errors.length;
      if (!idPattern.test(t.id)) error(raw.path, t.line, `topic id "${t.id}" must be lower-case kebab case`);
      if (t.title === '') error(raw.path, t.line, `topic "${t.id}" has no title`);
      if (!/^https?:\/\/\S+$/.test(t.docsUrl)) {
        error(raw.path, t.line, `topic "${t.id}" needs an http(s) documentation URL, found "${t.docsUrl}"`);
      }
      if (!parsed.topics.some((f) => f.area === raw.area && f.topic === t.id)) {
        error(raw.path, t.line, `topic "${t.id}" is listed but ${raw.area}/${t.id}.md does not exist`);
      }
      if (errors.length === before) topics.push({ id: t.id, title: t.title, docsUrl: t.docsUrl });
    }
    listed.set(raw.area, new Set(raw.topics.map((t) => t.id)));
    if (raw.title?.value && raw.summary?.value) {
      const descriptionMd = raw.description;
      areas.set(raw.area, {
        id: raw.area,
        title: raw.title.value,
        summary: raw.summary.value,
        descriptionMd,
        topics,
        file: raw.path,
      });
    }
  }

  // Ids are unique across the bank: a later copy is an error naming the first, and neither
  // copy is compiled, since which one is the real question is for the author to say.
  const places = new Map<string, string[]>();
  for (const file of parsed.topics) {
    for (const raw of file.questions) {
      if (raw.id !== '') places.set(raw.id, [...(places.get(raw.id) ?? []), `${file.path}:${raw.line}`]);
    }
  }

  const questions: SourceQuestion[] = [];
  const missingArea = new Set<string>();
  for (const file of parsed.topics) {
    const topics = listed.get(file.area);
    if (!topics && !missingArea.has(file.area)) {
      missingArea.add(file.area);
      error(file.path, 1, `the folder ${file.area}/ has no area.md`);
    } else if (topics && !topics.has(file.topic)) {
      error(file.path, 1, `topic "${file.topic}" is not listed under "## Topics" in ${file.area}/area.md`);
    }
    // Compiled questions only point at compiled topics, so the importer's references hold.
    const usable = areas.get(file.area)?.topics.some((t) => t.id === file.topic) === true;
    for (const raw of file.questions) {
      const check = checkQuestion(raw, file);
      errors.push(...check.errors);
      warnings.push(...check.warnings);
      const copies = places.get(raw.id) ?? [];
      const first = copies[0];
      if (first !== undefined && first !== `${file.path}:${raw.line}`) {
        error(file.path, raw.line, `duplicate question id "${raw.id}": also at ${first}`);
      }
      if (check.question && usable && copies.length <= 1) questions.push(check.question);
    }
  }
  return { errors: sortProblems(errors), warnings: sortProblems(warnings), areas: [...areas.values()], questions };
}

/** Parse and validate in one step: what `bank:check` and the tests need. */
export function checkBank(files: readonly BankFile[]): ValidatedBank & { parsed: ParsedBank } {
  const parsed = parseBank(files);
  return { ...validateBank(parsed), parsed };
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

export function formatProblem(p: Problem, severity: 'error' | 'warning' = 'error'): string {
  return `${p.file}:${p.line}: ${severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}
