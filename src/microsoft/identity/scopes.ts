// Scope comparison. Microsoft compares scope names case-insensitively and echoes short Graph names
// (`Team.Create`, not `https://graph.microsoft.com/Team.Create`); it never echoes `offline_access` in the token
// response's `scope`, but answers with a refresh token instead (GRAPH-FACTS §1). So offline_access counts as granted
// when it is echoed or when a refresh token came back, and every other required scope must be echoed.

export const OFFLINE_ACCESS = 'offline_access';

/** `https://graph.microsoft.com/Team.Create` → `team.create`: the comparable part of a scope. */
export function scopeKey(scope: string): string {
  return (scope.split('/').pop() ?? scope).trim().toLowerCase();
}

/** Space- or comma-separated scopes → a list, empty entries removed. */
export function splitScopes(scopes: string | null | undefined): string[] {
  return (scopes ?? '').split(/[\s,]+/).filter((scope) => scope.length > 0);
}

/** The requested scopes Microsoft did not grant, in the order requested and spelt as requested. */
export function missingScopes(
  requested: readonly string[],
  granted: readonly string[],
  gotRefreshToken: boolean,
): string[] {
  const grantedKeys = new Set(granted.map(scopeKey));
  if (gotRefreshToken) grantedKeys.add(OFFLINE_ACCESS);
  const seen = new Set<string>();
  return requested.filter((scope) => {
    const key = scopeKey(scope);
    if (seen.has(key) || grantedKeys.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Required scopes believed to need an administrator's consent (GRAPH-FACTS §1, unverified by Microsoft's docs). */
export const ADMIN_CONSENT_SCOPES: readonly string[] = ['Group.ReadWrite.All', 'TeamMember.ReadWrite.All'];
