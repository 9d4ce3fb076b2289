// The body of the `microsoft:refresh-token` job (a weekly cron row): redeem the refresh token now, even though the
// access token may still be fresh, because a refresh token unused for 90 days dies (AADSTS700082, GRAPH-FACTS §1).
// Each run resets that window. Returns a summary for the run record; a dead grant throws
// ReauthorizationRequiredError after the token was marked needs_reauthorization (the reason is on the page).
import { accessTokenSourceFor } from './access-token.js';
import { NotAuthorizedError } from './identity-errors.js';
import { type IdentityDeps, refreshServiceToken } from './refresh-service-token.js';

export const REFRESH_TOKEN_JOB = 'microsoft:refresh-token';

export type RefreshJobResult =
  | { outcome: 'refreshed'; accessExpiresAt: number | null; message: string }
  | { outcome: 'not-authorized'; message: string };

export async function runRefreshTokenJob(deps: IdentityDeps): Promise<RefreshJobResult> {
  try {
    const token = await refreshServiceToken(deps, { mode: 'always' });
    accessTokenSourceFor(deps).forget();
    const summary = await deps.store.summary();
    const how = token.refreshed ? 'refreshed' : 'was refreshed by another process at the same moment';
    return {
      outcome: 'refreshed',
      accessExpiresAt: summary.accessExpiresAt,
      message: `The Microsoft token ${how}; the 90-day inactivity window starts again.`,
    };
  } catch (error) {
    // Nothing to keep alive before the first authorization: not a failure of this job.
    if (error instanceof NotAuthorizedError) return { outcome: 'not-authorized', message: error.publicMessage };
    throw error;
  }
}
