// Secrets at rest: AES-256-GCM under APP_KEY, in a versioned text envelope `v1:<keyId>:<iv>:<tag>:<ciphertext>`
// (base64). The key id (first 8 hex digits of sha256(key)) names the key that encrypted a value, so that after an
// APP_KEY rotation old values still decrypt with the previous key from the keyring (APP_PREVIOUS_KEYS) and are
// re-encrypted with the new one on their next write. The envelope header is bound to the ciphertext as GCM additional
// data: changing the key id or any byte of the envelope fails the tag check. Tests: ./crypto.test.ts.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { AppError } from './errors.js';

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
/** 96-bit IVs: GCM's recommended size; random per value (2^-32 collision bound far beyond our write volume). */
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Keys that may decrypt, by key id; the current APP_KEY plus any previous ones kept for rotation. */
export type Keyring = ReadonlyMap<string, Buffer>;

export type SecretErrorReason = 'malformed' | 'unknown-key' | 'tampered';

/** A stored secret could not be decrypted: damaged, tampered with, or encrypted under a key that is not configured. */
export class SecretDecryptionError extends AppError {
  readonly reason: SecretErrorReason;

  constructor(reason: SecretErrorReason, message: string, cause?: unknown) {
    super(message, { code: `crypto.${reason.replace('-', '_')}`, docs: 'app-key-changed', cause });
    this.reason = reason;
  }
}

/** First 8 hex digits of sha256(key): identifies a key without revealing it. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

/** A keyring holding `current` first and then `previous` keys (decrypt-only, for values written before rotation). */
export function keyringOf(current: Buffer, previous: readonly Buffer[] = []): Keyring {
  return new Map([current, ...previous].map((key) => [keyIdOf(key), key] as const));
}

function requireKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new RangeError(`AES-256-GCM needs a ${KEY_BYTES}-byte key, got ${key.length}`);
}

/**
 * Encrypts `plain` under `key`.
 * @example
 * const envelope = encryptSecret(refreshToken, appKey, keyIdOf(appKey)); // "v1:1a2b3c4d:…:…:…"
 */
export function encryptSecret(plain: string, key: Buffer, keyId: string = keyIdOf(key)): string {
  requireKey(key);
  if (!/^[0-9a-z]+$/i.test(keyId)) throw new RangeError('A key id holds only letters and digits');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(`${VERSION}:${keyId}`, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64'));
  return [VERSION, keyId, ...parts].join(':');
}

/** The key id an envelope names, or null when the text is not an envelope. */
export function envelopeKeyId(envelope: string): string | null {
  const [version, keyId] = envelope.split(':');
  return version === VERSION && keyId ? keyId : null;
}

/** Decrypts an envelope with the key its header names; throws SecretDecryptionError, never returns garbage. */
export function decryptSecret(envelope: string, keys: Keyring): string {
  const parts = envelope.split(':');
  const [version, keyId, iv, tag, body] = parts;
  if (parts.length !== 5 || version !== VERSION || !keyId || !iv || !tag || body === undefined) {
    throw new SecretDecryptionError('malformed', 'A stored secret is damaged: it is not a v1 encryption envelope.');
  }
  const key = keys.get(keyId);
  if (key === undefined) {
    throw new SecretDecryptionError(
      'unknown-key',
      `A stored secret was encrypted with an APP_KEY (id ${keyId}) that is not configured. Restore that APP_KEY, ` +
        'or authorize the Microsoft account again so the token is stored under the current key.',
    );
  }
  const ivBytes = Buffer.from(iv, 'base64');
  const tagBytes = Buffer.from(tag, 'base64');
  if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) {
    throw new SecretDecryptionError('malformed', 'A stored secret is damaged: its IV or tag has the wrong length.');
  }
  try {
    const decipher = createDecipheriv(ALGORITHM, key, ivBytes, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(`${VERSION}:${keyId}`, 'utf8'));
    decipher.setAuthTag(tagBytes);
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  } catch (cause) {
    throw new SecretDecryptionError(
      'tampered',
      'A stored secret failed its integrity check: it was altered, damaged, or encrypted under another key.',
      cause,
    );
  }
}
