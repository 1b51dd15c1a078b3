/** The components' markup: what screen readers and the pages' tests rely on. */
import { describe, expect, it } from 'vitest';
import { Breadcrumbs } from './breadcrumbs';
import { ErrorSummary, Field, TextArea } from './form';
import { TableWrap } from './table-wrap';
import { Time } from './time';

const html = (node: unknown) => String(node);
const at = Date.UTC(2025, 2, 14, 9, 26, 53);

describe('Time', () => {
  it('says the moment in words and gives the instant to machines', () => {
    expect(html(Time({ at }))).toBe('<time datetime="2025-03-14T09:26:53.000Z">2025-03-14 09:26 UTC</time>');
    expect(html(Time({ at, format: 'date', title: 'full' }))).toBe(
      '<time datetime="2025-03-14T09:26:53.000Z" title="full">2025-03-14</time>',
    );
    expect(html(Time({ at, class: 'mono', children: '+01:05' }))).toBe(
      '<time datetime="2025-03-14T09:26:53.000Z" class="mono">+01:05</time>',
    );
  });
});

describe('Breadcrumbs', () => {
  it('links every step but the current page, which it marks', () => {
    const trail = html(
      Breadcrumbs({
        trail: [
          { label: 'Assessments', href: '/app' },
          { label: 'Backend <dev>', href: '/app/assessments/x' },
          { label: 'Ada' },
        ],
      }),
    );
    expect(trail).toBe(
      '<nav aria-label="Breadcrumb" class="crumbs small no-print"><a href="/app">Assessments</a> › ' +
        '<a href="/app/assessments/x">Backend &lt;dev&gt;</a> › <span aria-current="page">Ada</span></nav>',
    );
  });
});

describe('TableWrap', () => {
  it('is a focusable, named region', () => {
    expect(html(TableWrap({ label: 'Candidates table', children: 'x' }))).toBe(
      '<section class="table-wrap" aria-label="Candidates table" tabindex="0">x</section>',
    );
    expect(html(TableWrap({ labelledBy: 'keys', class: 'panel', children: 'x' }))).toBe(
      '<section class="table-wrap panel" aria-labelledby="keys" tabindex="0">x</section>',
    );
  });
});

describe('form fields', () => {
  it('ties the hint and the error to the input', () => {
    const field = html(
      Field({ name: 'email', label: 'Email', hint: 'Work address', error: 'Not an email', required: true }),
    );
    expect(field).toContain('<label for="f-email">Email</label>');
    expect(field).toContain('<span class="hint" id="f-email-hint">Work address</span>');
    expect(field).toContain('aria-invalid="true" aria-describedby="f-email-hint f-email-error"');
    expect(field).toContain('required=""');
    expect(field).toContain('<p class="alert alert-error" id="f-email-error">Not an email</p>');
  });

  it('says nothing of errors or hints that are not there, and takes another id when asked', () => {
    const field = html(
      Field({ name: 'expiryDays', id: 'one-expiryDays', label: 'Days', type: 'number', min: 1, max: 90 }),
    );
    expect(field).toContain('id="one-expiryDays" name="expiryDays" type="number" value="" min="1" max="90"');
    expect(field).not.toContain('aria-');
    expect(field).not.toContain('required');
    expect(field).not.toContain('alert');
  });

  it('keeps a textarea value as typed, escaped', () => {
    const area = html(TextArea({ name: 'note', label: 'Note', value: '<b>hi</b>', error: 'Too long' }));
    expect(area).toContain('>&lt;b&gt;hi&lt;/b&gt;</textarea>');
    expect(area).toContain('aria-describedby="f-note-error"');
  });

  it('sums up the errors first, each a link to its field, a form-wide one as text', () => {
    expect(ErrorSummary({ errors: {} })).toBeNull();
    const summary = html(
      ErrorSummary({ errors: { title: 'Give it a title', form: 'Try again', passMark: undefined } }),
    );
    expect(summary).toContain('2 things need your attention:');
    expect(summary).toContain('<li><a href="#f-title">Give it a title</a></li><li>Try again</li>');
    expect(summary).not.toContain('passMark');
  });
});
