/**
 * The first line of defence for a candidate's SQL: one statement, a query (SELECT, WITH or
 * VALUES), none of the words that attach files, change settings or write. The database is a
 * fresh in-memory copy per run with `query_only` set, so this check is about clear messages more
 * than safety; the engine refuses writes anyway.
 */

const forbidden = [
  'attach',
  'detach',
  'pragma',
  'insert',
  'update',
  'delete',
  'drop',
  'create',
  'alter',
  'vacuum',
  'reindex',
  'analyze',
  'load_extension',
];

/**
 * The statement without comments, string literals blanked and quoted names unquoted (as plain
 * words, so `"c"` and `c` read alike), for the keyword checks.
 */
export function codeOnly(sql: string): string {
  return sql.replace(/--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|'(?:[^']|'')*'?|"(?:[^"]|"")*"?|`[^`]*`?|\[[^\]]*\]?/g, (m) => {
    if (m.startsWith('--') || m.startsWith('/*')) return ' ';
    if (m[0] === "'") return "''";
    return ` ${m.slice(1, -1).replace(/\W+/g, '_') || '_'} `;
  });
}

// SQLite's identifier characters: besides letters, digits and _, also $ and every character past
// ASCII (so `ç` and `c$` name a table expression as well as `c` does).
const nameChar = '[\\w$\\u0080-\\uffff]';

// A common table expression's name and the opening parenthesis of its body.
const ctePattern = new RegExp(
  `(?:\\bwith\\s+(?:recursive\\s+)?|,\\s*)([a-z_\\u0080-\\uffff]${nameChar}*)\\s*(?:\\([^()]*\\))?\\s*as\\s*(?:not\\s+)?(?:materialized\\s+)?\\(`,
  'g',
);

/**
 * The first common table expression that reads itself (recursion), or null. SQLite runs such a
 * CTE with or without the RECURSIVE keyword, and an unbounded one never ends without reading a
 * table, so no row budget can stop it.
 */
export function recursiveCte(code: string): string | null {
  const lower = code.toLowerCase();
  for (const m of lower.matchAll(ctePattern)) {
    const name = m[1] ?? '';
    let depth = 0;
    let end = lower.length;
    for (let i = (m.index ?? 0) + m[0].length - 1; i < lower.length; i++) {
      if (lower[i] === '(') depth++;
      else if (lower[i] === ')' && --depth === 0) {
        end = i;
        break;
      }
    }
    const body = lower.slice((m.index ?? 0) + m[0].length, end);
    const escaped = name.replace(/\$/g, '\\$');
    if (new RegExp(`(?<!${nameChar})${escaped}(?!${nameChar})`).test(body)) return name;
  }
  return null;
}

/** Null when the statement may run, else why not, in words the candidate can act on. */
export function refuseQuery(sql: string): string | null {
  const code = codeOnly(sql).trim().replace(/;\s*$/, '');
  if (code === '') return 'the query is empty';
  if (code.includes(';')) return 'write one statement only (no semicolons between statements)';
  const first = /^[a-z]+/i.exec(code)?.[0]?.toLowerCase();
  if (first !== 'select' && first !== 'with' && first !== 'values') {
    return 'the query must be a SELECT (or start with WITH); it cannot change the database';
  }
  const words = new Set(code.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []);
  const found = forbidden.find((w) => words.has(w));
  if (found) return `${found.toUpperCase()} is not allowed: the query reads the tables and changes nothing`;
  const recursive = recursiveCte(code);
  if (recursive) return `recursive queries are not allowed here (${recursive} reads itself)`;
  return null;
}
