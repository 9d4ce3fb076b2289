// APP_KEY: the AES-256-GCM key that encrypts tokens and the client secret at rest, so exactly 32 random bytes,
// written as `base64:…` (Laravel's form) or 64 hexadecimal characters. The key itself is never echoed.
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
