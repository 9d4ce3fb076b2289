// The "OAuth Token" field in words, from the token store's summary (never the token itself): not authorized,
// connected as user@tenant with its scopes, expiry and last refresh, or needs re-authorization and why. Also names
// required scopes the stored grant lacks (MS_OAUTH_SCOPES grew since it was authorized).
import type { Config } from '../../config/index.js';
import type { ServiceTokenSummary } from '../../microsoft/identity/index.js';
import { missingScopes } from '../../microsoft/identity/scopes.js';
import { describeInstant, formatInstant } from '../render/format.js';

export type TokenState = 'not-authorized' | 'connected' | 'needs-reauthorization';

export interface TokenStatusView {
  state: TokenState;
  /** The badge: "Not authorized", "Connected", "Needs re-authorization". */
  label: string;
  account: string | null;
  reason: string | null;
  scopes: string[];
  missingScopes: string[];
  expires: string | null;
  lastRefreshed: string | null;
  authorized: string | null;
}

const LABELS: Record<TokenState, string> = {
  'not-authorized': 'Not authorized',
  connected: 'Connected',
  'needs-reauthorization': 'Needs re-authorization',
};

function stateOf(summary: ServiceTokenSummary): TokenState {
  if (summary.status === 'connected') return 'connected';
  if (summary.status === 'needs_reauthorization') return 'needs-reauthorization';
  return 'not-authorized';
}

export function tokenStatusView(summary: ServiceTokenSummary, config: Config, now: number): TokenStatusView {
  const state = stateOf(summary);
  const zone = config.DEFAULT_TIMEZONE;
  const authorized =
    summary.authorizedAt === null
      ? null
      : `${formatInstant(summary.authorizedAt, zone)}${summary.authorizedBy ? ` by ${summary.authorizedBy}` : ''}`;
  return {
    state,
    label: LABELS[state],
    account: summary.account?.username ?? null,
    reason:
      state === 'needs-reauthorization'
        ? (summary.reason ?? 'Microsoft no longer accepts the stored authorization.')
        : null,
    scopes: summary.grantedScopes,
    missingScopes: state === 'connected' ? missingScopes(config.MS_OAUTH_SCOPES, summary.grantedScopes, true) : [],
    expires: state === 'connected' ? describeInstant(summary.accessExpiresAt, zone, now) : null,
    lastRefreshed: describeInstant(summary.lastRefreshedAt, zone, now),
    authorized,
  };
}
