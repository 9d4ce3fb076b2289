// Disconnect: forget the service token (refresh and access tokens, account, scopes) so nothing acts in Microsoft any
// more. The Outlook time zone is kept. Microsoft keeps its side of the consent; an administrator removes that in
// Entra (Enterprise applications) if wanted. The caller writes the audit row.
import { accessTokenSourceFor } from './access-token.js';
import type { IdentityDeps } from './refresh-service-token.js';

/** True when a token was removed, false when there was none. */
export async function disconnectMicrosoftAccount(deps: IdentityDeps): Promise<boolean> {
  const removed = await deps.store.disconnect();
  accessTokenSourceFor(deps).forget();
  return removed;
}
