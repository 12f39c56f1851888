/** A count and its noun, singular for exactly one: "1 label", "0 labels", "1,000 labels" (`plural` for irregular nouns). */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`;
}
