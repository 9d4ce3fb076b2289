// The chaos run's one source of randomness: mulberry32, seeded by the run's seed, so a seed's schedule of faults,
// kills and Elentra changes is the same on every machine (timing still varies: where a SIGKILL lands depends on the
// request log, not on the clock).

export class ChaosPrng {
  #state: number;

  constructor(seed: number) {
    this.#state = (seed ^ 0x9e3779b9) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** A new PRNG for a sub-task, so that adding a draw in one place does not shift every later one. */
  fork(label: string): ChaosPrng {
    let hash = this.int(0, 0x7fffffff);
    for (const char of label) hash = Math.imul(hash ^ char.charCodeAt(0), 16_777_619) >>> 0;
    return new ChaosPrng(hash);
  }
}
