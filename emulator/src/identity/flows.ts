// Sign-in flows in progress. The authorize request is validated once and kept here under a random flow id; the
// sign-in and consent pages carry only that id (a hidden field), so nothing the browser posts back — redirect URI,
// scopes, PKCE challenge — can be tampered with between pages.
import { randomBytes } from 'node:crypto';

export interface AuthorizeRequest {
  /** The `/{tenant}/` path segment the app used (id, domain, `organizations` or `common`). */
  tenantSegment: string;
  clientId: string;
  redirectUri: string;
  /** Canonical scope names as requested (Graph short names, OIDC scopes, possibly `.default`). */
  scopes: string[];
  state: string | undefined;
  nonce: string | undefined;
  codeChallenge: string;
  loginHint: string | undefined;
  prompt: string | undefined;
}

export interface SignInFlow {
  request: AuthorizeRequest;
  createdAtMs: number;
  /** Set once the user is identified (and the password, if any, checked). */
  userId?: string;
  /** Set when the user was identified but the password page is pending. */
  pendingUserId?: string;
}

/** Microsoft's sign-in pages time out after a while; an hour is generous for a person and bounded for memory. */
const FLOW_LIFETIME_MS = 60 * 60 * 1000;

export class FlowStore {
  private readonly flows = new Map<string, SignInFlow>();

  create(request: AuthorizeRequest, nowMs: number): string {
    for (const [id, flow] of this.flows) if (nowMs - flow.createdAtMs > FLOW_LIFETIME_MS) this.flows.delete(id);
    const id = randomBytes(24).toString('base64url');
    this.flows.set(id, { request, createdAtMs: nowMs });
    return id;
  }

  get(id: string | undefined, nowMs: number): SignInFlow | undefined {
    if (!id) return undefined;
    const flow = this.flows.get(id);
    if (!flow || nowMs - flow.createdAtMs > FLOW_LIFETIME_MS) return undefined;
    return flow;
  }

  delete(id: string): void {
    this.flows.delete(id);
  }

  clear(): void {
    this.flows.clear();
  }
}
