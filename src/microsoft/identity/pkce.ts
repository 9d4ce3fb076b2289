// PKCE (RFC 7636) with S256, as the identity platform recommends for the authorization code flow (GRAPH-FACTS §1):
// a 43-character random verifier kept on the server, its SHA-256 (base64url) sent as `code_challenge`.
import { createHash, randomBytes } from 'node:crypto';

export interface PkcePair {
  verifier: string;
  challenge: string;
}

/** 32 random bytes → 43 base64url characters, inside RFC 7636's 43..128. */
export function createPkcePair(): PkcePair {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: challengeFor(verifier) };
}

export function challengeFor(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}
