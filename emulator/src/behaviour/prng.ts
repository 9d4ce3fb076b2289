// A small seeded pseudo-random generator (mulberry32) so that every random choice in the emulator — ids, fault rates,
// batch answer order — is the same on every run with the same seed (`EmulatorOptions.seed`). Not for secrets.

export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** `count` random bytes. */
  bytes(count: number): Uint8Array;
  /** The generator's position: `createPrng(prng.state())` continues the same sequence (the state file saves it). */
  state(): number;
}

export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    bytes(count) {
      const out = new Uint8Array(count);
      for (let i = 0; i < count; i += 1) out[i] = Math.floor(next() * 256);
      return out;
    },
    state: () => state,
  };
}

/** Derives a sub-seed from a seed and a label, so independent streams (ids, faults) do not disturb each other. */
export function deriveSeed(seed: number, label: string): number {
  let hash = (seed ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < label.length; i += 1) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A version-4-shaped GUID from the generator, as Entra object ids look. */
export function prngGuid(prng: Prng): string {
  const b = prng.bytes(16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
