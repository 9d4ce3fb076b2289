// Seals the session cookie: AES-256-GCM under a key derived from APP_KEY with HKDF (purpose "web session"), so the
// cookie key is never the key that protects the stored Microsoft tokens (src/lib/crypto.ts) and neither can be
// learned from the other. The cookie is `v1.<base64url(iv | tag | ciphertext)>`; the version is bound as GCM
// additional data. A cookie that fails to open is simply no session (never an error page).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HKDF_SALT = 'elentra-teams';
const HKDF_INFO = 'web session cookie v1';

/** The cookie key for an APP_KEY (32 bytes in, 32 bytes out). */
export function deriveSessionKey(appKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', appKey, HKDF_SALT, HKDF_INFO, 32));
}

export function sealCookie(plain: string, key: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(VERSION));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** The plain text, or null when the value is not a cookie sealed with this key (tampered, old key, garbage). */
export function openCookie(sealed: string, key: Buffer): string | null {
  const [version, payload, extra] = sealed.split('.');
  if (version !== VERSION || payload === undefined || extra !== undefined) return null;
  const bytes = Buffer.from(payload, 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(VERSION));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
