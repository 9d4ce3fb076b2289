// A fast, stable 53-bit string hash for change detection (the sent fingerprint, fingerprint.ts), not for security.
// Planning 200,000 events hashes about a million short strings; node:crypto's per-call overhead would dominate that,
// Math.imul over char codes does not. The mixing is the public-domain "cyrb53" construction (two 32-bit lanes).

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';

/** `hash53('Anatomy')` → 10 URL-safe characters (53 bits); equal input, equal output, on every machine. */
export function hash53(text: string, seed = 0): string {
  return hashParts([text], seed);
}

/**
 * The hash of several strings, each followed by a separator (U+0001), without building the joined string:
 * `hashParts(['a', 'b'])` = `hash53('a\u0001b\u0001')`.
 */
export function hashParts(parts: readonly string[], seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let p = 0; p < parts.length; p++) {
    const text = parts[p] ?? '';
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ code, 2654435761);
      h2 = Math.imul(h2 ^ code, 1597334677);
    }
    if (parts.length > 1) {
      h1 = Math.imul(h1 ^ 1, 2654435761);
      h2 = Math.imul(h2 ^ 1, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  // Six bits a character by table, not Number#toString(36): that alone cost ~0.9 µs a call, most of the hash.
  let text64 = '';
  let low = h1 >>> 0;
  for (let i = 0; i < 6; i++, low >>>= 6) text64 += DIGITS[low & 63];
  let high = h2 & 0x1fffff;
  for (let i = 0; i < 4; i++, high >>>= 6) text64 += DIGITS[high & 63];
  return text64;
}
