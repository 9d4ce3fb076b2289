// RS256-signed JWTs for id tokens and access tokens, with the public key published at the JWKS endpoint
// (`/{tenant}/discovery/v2.0/keys`). MSAL Node decodes the id token without checking the signature, but a client that
// does check (or a person pasting a token into jwt.ms) gets a real, verifiable token. A new key per emulator start.
import { createHash, createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  /** The public key as a JWK (`kty`, `n`, `e`, `kid`, `use`, `alg`). */
  publicJwk: Record<string, string>;
}

export function createSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  const n = String(jwk.n);
  const kid = base64url(createHash('sha256').update(n).digest()).slice(0, 27);
  return { kid, privateKey, publicJwk: { kty: 'RSA', use: 'sig', alg: 'RS256', kid, n, e: String(jwk.e) } };
}

export type JwtClaims = Record<string, string | number | boolean | string[] | undefined>;

export function signJwt(key: SigningKey, claims: JwtClaims): string {
  const header = base64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', kid: key.kid }));
  const payload = base64url(JSON.stringify(claims));
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(key.privateKey);
  return `${header}.${payload}.${base64url(signature)}`;
}

export function base64url(input: string | Buffer): string {
  return Buffer.from(input).toString('base64url');
}
