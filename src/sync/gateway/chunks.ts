// Splits a list into runs of at most `size` (Graph's per-request limits: 15 per `in`, 20 per `$batch`, …).
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
