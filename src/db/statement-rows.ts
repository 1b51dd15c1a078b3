/**
 * Many rows per INSERT, within D1's limit of 100 bound parameters per statement: a batch of a few
 * multi-row statements instead of one statement per row (each statement costs a prepare).
 */
const maxParameters = 100;

export function rowsPerStatement<T>(rows: readonly T[], parametersPerRow: number): T[][] {
  const size = Math.max(1, Math.floor(maxParameters / parametersPerRow));
  const groups: T[][] = [];
  for (let i = 0; i < rows.length; i += size) groups.push(rows.slice(i, i + size));
  return groups;
}
