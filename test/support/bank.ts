import { compileBank } from '../../src/bank/compile';
import { importBank } from '../../src/db/bank-import';
import type { Db } from '../../src/db/client';

/**
 * A small bank with every question type in two areas. Every explanation and every accepted text
 * answer carries a marker, so tests can prove keys never reach a candidate before the end.
 */
export const secretMarker = 'KEYMARKER';

const area = (title: string, topics: string[]) => `---
title: ${title}
summary: ${title} for tests.
---

## Topics

${topics.map((t) => `- \`${t}\`: ${t.toUpperCase()} | https://example.com/${t}`).join('\n')}
`;

function block(id: string, type: string, difficulty: number, body: string) {
  return `## ${id}
type: ${type}
difficulty: ${difficulty}

${body}

### Explanation
${secretMarker}-explains-${id}.
`;
}

const single = (id: string, d: number) =>
  block(
    id,
    'single',
    d,
    `Prompt of ${id}?\n\n### Options\n- [ ] wrong one of ${id}\n- [x] right one of ${id}\n- [ ] wrong two of ${id}`,
  );

export function testBankFiles() {
  const alphaT1 = [
    single('alpha-s1', 1),
    single('alpha-s2', 3),
    single('alpha-s3', 5),
    block(
      'alpha-m1',
      'multiple',
      2,
      'Pick the even numbers.\n\n### Options\n- [x] two\n- [ ] three\n- [x] four\n- [ ] five',
    ),
    block('alpha-tf1', 'truefalse', 3, 'The sky is green.\n\n### Answer\nfalse'),
  ];
  const alphaT2 = [
    block('alpha-t1', 'text', 4, `Name the secret word.\n\n### Answer\n- ${secretMarker}word`),
    block('alpha-n1', 'numeric', 3, 'What is 6 times 7?\n\n### Answer\n42 +- 0.5'),
    block(
      'alpha-o1',
      'ordering',
      4,
      'Order these.\n\n### Order\n1. first step\n2. second step\n3. third step\n4. fourth step',
    ),
    single('alpha-s4', 2),
    single('alpha-s5', 4),
  ];
  const beta = [single('beta-s1', 2), single('beta-s2', 3), single('beta-s3', 4), single('beta-s4', 3)];
  return [
    { path: 'questions/alpha/area.md', text: area('Alpha', ['t1', 't2']) },
    { path: 'questions/alpha/t1.md', text: `# T1\n\n${alphaT1.join('\n')}` },
    { path: 'questions/alpha/t2.md', text: `# T2\n\n${alphaT2.join('\n')}` },
    { path: 'questions/beta/area.md', text: area('Beta', ['b1']) },
    { path: 'questions/beta/b1.md', text: `# B1\n\n${beta.join('\n')}` },
  ];
}

export async function importTestBank(db: Db, now = 1) {
  const { bank, errors } = await compileBank(testBankFiles());
  if (errors.length) throw new Error(`test bank invalid: ${JSON.stringify(errors)}`);
  await importBank(db, bank, now);
  return bank;
}
