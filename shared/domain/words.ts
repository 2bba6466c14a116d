/** A number and its noun, in the plural where English wants it: "1 entry", "2 entries", "1,234 rows". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}
