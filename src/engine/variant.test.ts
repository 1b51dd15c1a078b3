import { describe, expect, it } from 'vitest';
import {
  contentOf,
  describeValues,
  drawVariantValues,
  instanceCount,
  instanceIndex,
  type ParameterSpec,
  type VariantSpec,
  valuesAt,
  variantInstance,
} from './variant';

const parameters: ParameterSpec[] = [
  { name: 'n', kind: 'integer', min: 3, max: 9, step: 1 },
  { name: 'base', kind: 'integer', min: 2, max: 16, step: 2 },
  { name: 'op', kind: 'choice', values: ['+', '*'] },
];

const spec: VariantSpec = {
  parameters: [{ name: 'n', kind: 'integer', min: 1, max: 3, step: 1 }],
  derived: [{ name: 'twice', expression: 'n * 2' }],
  placeholders: ['n', 'twice'],
  prompt: ['<p>Double ', 0, '?</p>'],
  options: [],
  explanation: ['<p>', 0, ' + ', 0, ' = ', 1, '</p>'],
  keys: [1, 2, 3].map((n) => ({ type: 'numeric', value: n * 2, tolerance: 0 })),
};
const example = {
  promptHtml: '<p>Double 2?</p>',
  options: [],
  answerKey: { type: 'numeric' as const, value: 4, tolerance: 0 },
  explanationHtml: '<p>2 + 2 = 4</p>',
};

describe('variant instances', () => {
  it('enumerates every instance once, each within its ranges', () => {
    expect(instanceCount(parameters)).toBe(7 * 8 * 2);
    const seen = new Set<string>();
    for (let i = 0; i < instanceCount(parameters); i++) {
      const values = valuesAt(parameters, i);
      expect(instanceIndex(parameters, values)).toBe(i);
      expect(values.n).toBeGreaterThanOrEqual(3);
      expect(values.n).toBeLessThanOrEqual(9);
      expect((values.base as number) % 2).toBe(0);
      expect(['+', '*']).toContain(values.op);
      seen.add(JSON.stringify(values));
    }
    expect(seen.size).toBe(112);
    expect(valuesAt(parameters, 0)).toEqual({ n: 3, base: 2, op: '+' });
    expect(valuesAt(parameters, 111)).toEqual({ n: 9, base: 16, op: '*' });
  });

  it('draws the same instance for the same seed and question, others for other seeds', () => {
    const a = drawVariantValues(parameters, 'attempt-1', 'q-loop');
    expect(drawVariantValues(parameters, 'attempt-1', 'q-loop')).toEqual(a);
    const draws = Array.from({ length: 40 }, (_, i) =>
      JSON.stringify(drawVariantValues(parameters, `attempt-${i}`, 'q-loop')),
    );
    expect(new Set(draws).size).toBeGreaterThan(25);
    // Another question of the same attempt draws from its own stream.
    const others = Array.from({ length: 20 }, (_, i) =>
      JSON.stringify(drawVariantValues(parameters, 'attempt-1', `q-${i}`)),
    );
    expect(new Set(others).size).toBeGreaterThan(10);
    // Every value in range, the extremes reached.
    const ns = Array.from({ length: 400 }, (_, i) => drawVariantValues(parameters, `s${i}`, 'q').n as number);
    expect(Math.min(...ns)).toBe(3);
    expect(Math.max(...ns)).toBe(9);
  });

  it('fills the templates and takes the key of the instance', () => {
    const instance = variantInstance(spec, { n: 3 }, example);
    expect(instance).toEqual({
      promptHtml: '<p>Double 3?</p>',
      options: [],
      answerKey: { type: 'numeric', value: 6, tolerance: 0 },
      explanationHtml: '<p>3 + 3 = 6</p>',
    });
    expect(describeValues({ n: 3, op: '*' })).toBe('n = 3, op = *');
  });

  it('keeps a stored item without values (or a fixed question) as the version has it', () => {
    expect(contentOf(example, spec as unknown as Record<string, unknown>, null)).toBe(example);
    expect(contentOf(example, null, { n: 1 })).toBe(example);
    expect(contentOf(example, spec as unknown as Record<string, unknown>, { n: 1 }).answerKey).toEqual({
      type: 'numeric',
      value: 2,
      tolerance: 0,
    });
  });

  it('refuses values the question does not allow', () => {
    expect(() => instanceIndex(parameters, { n: 10, base: 2, op: '+' })).toThrow(/n = 10/);
    expect(() => instanceIndex(parameters, { n: 3, base: 3, op: '+' })).toThrow(/base = 3/);
    expect(() => instanceIndex(parameters, { n: 3, base: 2, op: '-' })).toThrow(/op = "-"/);
    expect(() => variantInstance(spec, {}, example)).toThrow(/n = undefined/);
  });
});
