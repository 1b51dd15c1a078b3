/**
 * Every registered question type, through every step it takes in the product: its example in
 * questions/README.md is checked and compiled as the bank does, drawn, shown in its answer control,
 * posted back as a browser would post that control, read, and scored. Driven from the registries,
 * so a new type is covered as soon as it is registered and documented.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileQuestion } from '../bank/compile';
import { exportGift, importGift } from '../bank/gift';
import { parseTopicFile } from '../bank/parse';
import type { SourceQuestion } from '../bank/types';
import { checkQuestion } from '../bank/validate-question';
import { answerFromForm, type FormFields, type FormQuestion } from '../candidate/answer-form';
import { answerHtml, keyHtml } from '../candidate/describe';
import { questionViewOf } from '../candidate/question-view';
import { optionOrderFor } from '../engine/draw';
import { createRng } from '../engine/random';
import { sameAnswer } from '../engine/save';
import { scoreAnswer } from '../engine/scoring';
import { gradeWith } from '../grading/grade';
import { testEngines } from '../grading/test-engines';
import { answerForms } from './forms';
import { gradingTask, isExecutable } from './grading-task';
import { type QuestionType, questionRules, questionTypes, rulesFor } from './rules';
import { questionSources, sourceFor } from './source';

/** The README's "Examples of every type" block, checked as `bank:check` checks a topic file. */
function readmeExamples(): Map<string, SourceQuestion> {
  const readme = readFileSync('questions/README.md', 'utf8');
  const block = /````markdown\n([\s\S]*?)\n````/u.exec(readme)?.[1] ?? '';
  const { file } = parseTopicFile('questions/README.md', 'examples', 'examples', block);
  const examples = new Map<string, SourceQuestion>();
  for (const raw of file.questions) {
    const { question, errors } = checkQuestion(raw, { path: file.path, area: 'examples', topic: 'examples' });
    expect(errors, raw.id).toEqual([]);
    if (question) examples.set(question.type, question);
  }
  return examples;
}

const decode = (text: string) =>
  text.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? '',
  );

function attributes(tag: string): Map<string, string> {
  return new Map([...tag.matchAll(/([\w-]+)(?:="([^"]*)")?/g)].slice(1).map((m) => [m[1] ?? '', decode(m[2] ?? '')]));
}

/**
 * The fields a browser submits for a form of these controls (HTML's form submission rules): a
 * checked radio button or checkbox, a text field's value, a select's selected option or else its first.
 */
function submittedFields(html: string): FormFields {
  const fields: FormFields = {};
  const add = (name: string, value: string) => {
    const before = fields[name];
    fields[name] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  };
  for (const [tag] of html.matchAll(/<input\b[^>]*>/g)) {
    const a = attributes(tag);
    const name = a.get('name');
    if (name === undefined) continue;
    const checkable = a.get('type') === 'radio' || a.get('type') === 'checkbox';
    if (!checkable || a.has('checked')) add(name, a.get('value') ?? (checkable ? 'on' : ''));
  }
  for (const [, tag = '', body = ''] of html.matchAll(/(<textarea\b[^>]*>)([\s\S]*?)<\/textarea>/g)) {
    const name = attributes(tag).get('name');
    if (name !== undefined) add(name, decode(body.replace(/^\n/, '')));
  }
  for (const [, tag = '', body = ''] of html.matchAll(/(<select\b[^>]*>)([\s\S]*?)<\/select>/g)) {
    const options = [...body.matchAll(/<option\b[^>]*>/g)].map(([option]) => attributes(option));
    const chosen = options.find((o) => o.has('selected')) ?? options[0];
    const name = attributes(tag).get('name');
    if (name !== undefined && chosen) add(name, chosen.get('value') ?? '');
  }
  return fields;
}

describe('the question type registries', () => {
  it('register every type on every side, each type with the same capabilities', () => {
    expect(Object.keys(questionSources)).toEqual(questionTypes);
    expect(Object.keys(answerForms)).toEqual(questionTypes);
    // Hooks only some types need: a prompt appendix and a GIFT skip (code, sql).
    const optional = ['promptAppendix', 'skipped'];
    const capabilities = (entry: object): unknown[] =>
      Object.entries(entry)
        .filter(([name, value]) => value !== undefined && !optional.includes(name))
        .map(([name, value]) => (typeof value === 'object' && value !== null ? [name, capabilities(value)] : name));
    const first = questionTypes[0] as QuestionType;
    for (const type of questionTypes) {
      expect(capabilities(questionRules[type]), type).toEqual(capabilities(questionRules[first]));
      expect(capabilities(questionSources[type]), type).toEqual(capabilities(questionSources[first]));
      expect(typeof answerForms[type], type).toBe('function');
    }
  });

  const examples = readmeExamples();

  describe.each(questionTypes)('%s', (type: QuestionType) => {
    it('has an example in questions/README.md', () => {
      expect(examples.get(type)?.type).toBe(type);
    });

    it('goes from the question file to full credit through its form', async () => {
      const source = examples.get(type);
      if (!source) throw new Error(`questions/README.md has no ${type} example`);
      const compiled = await compileQuestion(source);
      expect(compiled.key.type).toBe(type);

      const optionIds = compiled.options.map((o) => o.id);
      const optionOrder = optionOrderFor({ ...compiled, optionIds }, 'registry-test');
      if (optionOrder) expect([...optionOrder].sort()).toEqual(optionIds);
      const question: FormQuestion & { promptHtml: string } = { ...compiled, optionOrder };

      const simulated = rulesFor(type).simulatedAnswer(compiled.key, optionIds, true, createRng(type));
      // An executable answer earns credit once the server graded it: the grading rides on the answer.
      const task = gradingTask(compiled.key, simulated);
      const grading = task ? await gradeWith(await testEngines(), task, () => performance.now()) : null;
      const right = grading ? { ...simulated, tests: { passed: grading.passed, total: grading.total } } : simulated;
      expect(right.type).toBe(type);
      expect(scoreAnswer(compiled.key, right)).toBe(1);

      const Control = answerForms[type];
      const filled = String(Control({ q: questionViewOf(question, right), number: 1 }));
      const posted = answerFromForm(question, submittedFields(filled));
      expect(posted.ok && posted.answer !== null && sameAnswer(posted.answer, right)).toBe(true);
      // A posted executable answer carries no grading, whatever the browser sends: it earns nothing until graded.
      expect(posted.ok ? scoreAnswer(compiled.key, posted.answer) : null).toBe(isExecutable(type) ? 0 : 1);

      const blank = String(Control({ q: questionViewOf(question, null), number: 1 }));
      expect(answerFromForm(question, submittedFields(blank))).toEqual({ ok: true, answer: null });

      expect(answerHtml(compiled.options, right)).not.toBe('');
      expect(keyHtml(compiled.options, compiled.key)).not.toBe('');
    });

    it('comes back from a GIFT export as the same question, or is left out with a message', () => {
      const source = examples.get(type);
      if (!source) throw new Error(`questions/README.md has no ${type} example`);
      const skipped = sourceFor(type).gift.skipped;
      if (skipped) {
        const exported = exportGift([source]);
        expect(exported.text).not.toContain(`::${source.id}::`);
        expect(exported.messages).toEqual([
          expect.objectContaining({ kind: 'skipped', question: source.id, message: skipped }),
        ]);
        return;
      }
      const imported = importGift(exportGift([source]).text, { area: 'examples', topic: 'examples' });
      const markdown = imported.topics[0]?.questions[0]?.markdown ?? '';
      const { file } = parseTopicFile('examples.md', 'examples', 'examples', `# Examples\n\n${markdown}`);
      const raw = file.questions[0];
      const again = raw
        ? checkQuestion(raw, { path: 'examples.md', area: 'examples', topic: 'examples' }).question
        : null;
      expect(again?.type).toBe(type);
      expect(again?.promptMd).toBe(source.promptMd);
      expect(again && sourceFor(type).identity(again.answer)).toEqual(sourceFor(type).identity(source.answer));
    });
  });
});
