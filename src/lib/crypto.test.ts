// AES-256-GCM envelopes: round trip, key rotation through the keyring, and every kind of damage → a typed error.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, envelopeKeyId, keyIdOf, keyringOf, SecretDecryptionError } from './crypto.js';

const key = randomBytes(32);
const oldKey = randomBytes(32);

function reasonOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof SecretDecryptionError) return error.reason;
    throw error;
  }
  return 'no error';
}

/** Replaces part `index` of an envelope (0 version, 1 key id, 2 iv, 3 tag, 4 ciphertext). */
function withPart(envelope: string, index: number, change: (part: string) => string): string {
  return envelope
    .split(':')
    .map((part, i) => (i === index ? change(part) : part))
    .join(':');
}

function flipFirstByte(b64: string): string {
  const bytes = Buffer.from(b64, 'base64');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}

describe('encryptSecret / decryptSecret', () => {
  it('round-trips unicode text and names the key by the first 8 hex digits of its sha256', () => {
    const envelope = encryptSecret('1.AXk–refresh token ✓', key, keyIdOf(key));
    expect(envelope).toMatch(/^v1:[0-9a-f]{8}:[^:]+:[^:]+:[^:]+$/);
    expect(envelopeKeyId(envelope)).toBe(keyIdOf(key));
    expect(envelope).not.toContain('refresh');
    expect(decryptSecret(envelope, keyringOf(key))).toBe('1.AXk–refresh token ✓');
  });

  it('uses a fresh IV every time', () => {
    expect(encryptSecret('same', key)).not.toBe(encryptSecret('same', key));
  });

  it('decrypts values written under a previous key once it is in the keyring (rotation)', () => {
    const written = encryptSecret('old token', oldKey);
    expect(reasonOf(() => decryptSecret(written, keyringOf(key)))).toBe('unknown-key');
    expect(decryptSecret(written, keyringOf(key, [oldKey]))).toBe('old token');
  });

  it.each([
    ['the ciphertext', 4, flipFirstByte],
    ['the tag', 3, flipFirstByte],
    ['the iv', 2, flipFirstByte],
  ])('rejects a change to %s as tampering', (_what, index, change) => {
    const envelope = withPart(encryptSecret('secret', key), index, change);
    expect(reasonOf(() => decryptSecret(envelope, keyringOf(key)))).toBe('tampered');
  });

  it('rejects an envelope relabelled with another configured key id (the header is authenticated)', () => {
    const keys = keyringOf(key, [oldKey]);
    const relabelled = withPart(encryptSecret('secret', key), 1, () => keyIdOf(oldKey));
    expect(reasonOf(() => decryptSecret(relabelled, keys))).toBe('tampered');
  });

  it.each(['', 'plain text', 'v2:abc:a:b:c', 'v1:abc:a:b', 'v1:abcd1234:AAAA:AAAA:AAAA'])(
    'rejects %j as malformed or unknown',
    (envelope) => {
      expect(['malformed', 'unknown-key']).toContain(reasonOf(() => decryptSecret(envelope, keyringOf(key))));
    },
  );

  it('carries a code and a public message without the secret', () => {
    const error = (() => {
      try {
        decryptSecret(withPart(encryptSecret('top secret', key), 4, flipFirstByte), keyringOf(key));
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(SecretDecryptionError);
    expect((error as SecretDecryptionError).code).toBe('crypto.tampered');
    expect((error as SecretDecryptionError).publicMessage).not.toContain('top secret');
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => encryptSecret('x', randomBytes(16))).toThrow(RangeError);
  });
});
