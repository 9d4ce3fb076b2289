// APP_KEY: the AES-256-GCM key that encrypts tokens and the client secret at rest, so exactly 32 random bytes,
// written as `base64:…` (Laravel's form) or 64 hexadecimal characters. APP_PREVIOUS_KEYS: a comma-separated list of
// earlier APP_KEY values, each in the same form, kept during a rotation so values written under them still decrypt.
// No key is ever echoed: messages name a key by its position in the list only.
import { APP_KEY_GENERATE_COMMAND } from '../constants.js';
import { type Check, fail, ok } from './check.js';

export const APP_KEY_BYTES = 32;

const FIX = `generate one with: ${APP_KEY_GENERATE_COMMAND}`;

function bytesOf(value: string): Buffer | string {
  if (value.startsWith('base64:')) {
    const body = value.slice('base64:'.length);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 === 1) return 'is not valid base64 after "base64:"';
    return Buffer.from(body, 'base64');
  }
  if (/^[0-9a-f]+$/i.test(value)) {
    return value.length % 2 === 0 ? Buffer.from(value, 'hex') : 'has an odd number of hexadecimal digits';
  }
  return `is neither base64:… nor ${APP_KEY_BYTES * 2} hexadecimal characters`;
}

export function decodeAppKey(value: string): Check<Buffer> {
  const bytes = bytesOf(value);
  if (typeof bytes === 'string') return fail(bytes, FIX);
  if (bytes.length < APP_KEY_BYTES) {
    return fail(`too short: it holds ${bytes.length} bytes; it must be ${APP_KEY_BYTES} random bytes`, FIX);
  }
  if (bytes.length > APP_KEY_BYTES) {
    return fail(`too long: it holds ${bytes.length} bytes; it must be exactly ${APP_KEY_BYTES} random bytes`, FIX);
  }
  return ok(bytes);
}

/**
 * APP_PREVIOUS_KEYS: `key1,key2,…`, each checked like APP_KEY; blanks around commas and empty entries are ignored.
 * Answers the keys as given (trimmed), in order, for Secret instances.
 */
export function checkPreviousAppKeys(value: string): Check<string[]> {
  const keys = value
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '');
  for (const [index, key] of keys.entries()) {
    const decoded = decodeAppKey(key);
    if (!decoded.ok) {
      const which = keys.length === 1 ? 'the key' : `key ${index + 1} of ${keys.length}`;
      return fail(
        `${which}: ${decoded.message}`,
        'give earlier APP_KEY values exactly as they were, separated by commas (base64:… or 64 hexadecimal characters)',
      );
    }
  }
  return ok(keys);
}
