// Finding things in the current tenant. Always read ctx.tenant afresh: a reset replaces it.
import type { SeedApp, SeedUser, TenantState } from '../context.js';

/** Tenant path segments that stand for "whichever tenant the user belongs to" (a single-tenant emulator: ours). */
const MULTI_TENANT_SEGMENTS = new Set(['organizations', 'common']);

/**
 * The identity platform accepts `/{tenant}/…` with the tenant id, a verified domain, or `organizations` / `common`
 * (Microsoft's documented authority forms). Returns false for anything else (→ AADSTS90002).
 */
export function isKnownTenantSegment(tenant: TenantState, segment: string): boolean {
  const lower = segment.toLowerCase();
  return (
    lower === tenant.tenantId.toLowerCase() || lower === tenant.domain.toLowerCase() || MULTI_TENANT_SEGMENTS.has(lower)
  );
}

export function isMultiTenantSegment(segment: string): boolean {
  return MULTI_TENANT_SEGMENTS.has(segment.toLowerCase());
}

export function findApp(tenant: TenantState, clientId: string | undefined): SeedApp | undefined {
  if (!clientId) return undefined;
  const lower = clientId.toLowerCase();
  return tenant.apps.find((a) => a.clientId.toLowerCase() === lower);
}

/** By object id or by UPN; UPNs compare case-insensitively as at Microsoft. */
export function findUser(tenant: TenantState, idOrUpn: string | undefined): SeedUser | undefined {
  if (!idOrUpn) return undefined;
  const lower = idOrUpn.trim().toLowerCase();
  return tenant.users.find((u) => u.id.toLowerCase() === lower || u.userPrincipalName.toLowerCase() === lower);
}
