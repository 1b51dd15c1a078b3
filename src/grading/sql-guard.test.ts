import { describe, expect, it } from 'vitest';
import { refuseQuery } from './sql-guard';

describe('refuseQuery', () => {
  // Run, each would loop inside one SQLite step that nothing in process can interrupt.
  it.each([
    'with ç(x) as (select 1 union all select x + 1 from ç) select count(*) from ç',
    'with c$(x) as (select 1 union all select x + 1 from c$) select count(*) from c$',
    'with a(x) as (select 1), été(x) as (select 1 union all select x + 1 from été) select count(*) from été',
  ])('refuses a recursive table expression whose name holds $ or a character past ASCII: %s', (query) => {
    expect(refuseQuery(query)).toMatch(/^recursive queries are not allowed here \(\S+ reads itself\)$/);
  });

  it('lets a table expression named like a longer one through when it does not read itself', () => {
    expect(refuseQuery('with c(x) as (select count(*) from c$t) select x from c')).toBeNull();
  });
});
