import { describe, expect, it } from 'vitest';
import { answerText, htmlToText, keyText } from './answer-text';

const options = [
  { id: 'a', html: '<code>&lt;script&gt;</code>' },
  { id: 'b', html: 'Tom &amp; Jerry' },
];

describe('answers as text', () => {
  it('drops tags, decodes entities and numbers list items', () => {
    expect(htmlToText('<ol><li>one</li><li>two &#38; three</li></ol>')).toBe('1. one; 2. two & three');
    expect(answerText(options, { type: 'multiple', choices: ['a', 'b'] })).toBe('<script>; Tom & Jerry');
    expect(answerText(options, { type: 'text', text: '=1+1 <b>' })).toBe('=1+1 <b>');
    expect(answerText(options, null)).toBe('');
    expect(keyText(options, { type: 'ordering', order: ['b', 'a'] })).toBe('1. Tom & Jerry; 2. <script>');
    expect(keyText(options, { type: 'numeric', value: 42, tolerance: 0.5 })).toBe('42 ± 0.5');
  });
});
