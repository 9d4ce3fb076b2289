// The client-secret probe when there is no stored authorization to refresh: one client-credentials request to the
// token endpoint (`grant_type=client_credentials`, scope Graph's `.default`). It changes nothing anywhere: the token
// Microsoft issues (app-only, without permissions for a delegated-only app) is discarded unread. See
// ./token-outcomes.ts for how the answer is read.
import { type Config, requireMicrosoftApp } from '../config/index.js';
import { identityEndpoints, LoginUnavailableError } from '../microsoft/identity/index.js';
import { classifyProbeAnswer, PROBE_SCOPE, type SecretProbe } from './token-outcomes.js';

const TIMEOUT_MS = 15_000;

export async function probeClientSecret(config: Config): Promise<SecretProbe> {
  const app = requireMicrosoftApp(config);
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: app.clientId,
    client_secret: app.clientSecret.reveal(),
    scope: PROBE_SCOPE,
  });
  let response: Response;
  try {
    response = await fetch(identityEndpoints(config).token, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (cause) {
    const error = new LoginUnavailableError('Microsoft’s sign-in service could not be reached.', { cause });
    return { kind: 'unavailable', error };
  }
  const body: unknown = await response.json().catch(() => null);
  const retryAfter = Number(response.headers.get('retry-after'));
  return classifyProbeAnswer(
    response.status,
    body,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}
