// Check: Microsoft Graph answers `GET /me` with the freshly refreshed token, as the authorized account. Skipped when
// there is no token to call it with. Pure: the outcome of the call is given.
import { isAppError } from '../../lib/errors.js';
import type { SignedInUser } from '../../microsoft/graph/index.js';
import { type CheckResult, fail, pass, skip } from '../check-result.js';
import { GRAPH } from '../check-specs.js';

export type MeOutcome = { ok: true; user: SignedInUser; graphUrl: string } | { ok: false; error: unknown };

export function checkGraph(me: MeOutcome | undefined): CheckResult {
  if (me === undefined) return skip(GRAPH, 'there is no usable Microsoft authorization to call Graph with.');
  if (me.ok) {
    const name = me.user.displayName
      ? `${me.user.displayName} <${me.user.userPrincipalName}>`
      : me.user.userPrincipalName;
    return pass(GRAPH, `GET /me at ${me.graphUrl} answered: ${name}.`);
  }
  const words = isAppError(me.error) ? me.error.publicMessage : String(me.error);
  const docs = isAppError(me.error) && me.error.docs ? me.error.docs : GRAPH.docs;
  const fix =
    docs === GRAPH.docs
      ? 'Open outgoing HTTPS from this server to graph.microsoft.com (MS_GRAPH_URL), check DNS and the clock, and ' +
        'check Microsoft 365 service health; then run the doctor again.'
      : 'Follow the linked section, then run the doctor again.';
  return fail(GRAPH, `GET /me failed: ${words}`, fix, docs);
}
