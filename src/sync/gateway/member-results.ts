// Per-person results of members/add and members/remove (src/microsoft/graph/member-results.ts) as the TeamsGateway
// gives them: done (added, already a member, removed, not a member) is `error: null`; otherwise a stable code
// (`user-not-found`, `owners-limit`, `last-owner`, `failed`) and the administrator's message, which names Graph's own
// code for an unknown refusal.
import type { MemberResult as GraphMemberResult } from '../../microsoft/graph/member-results.js';
import type { MemberResult } from '../io/teams-gateway.js';

export function gatewayResult<S extends string>(result: GraphMemberResult<S>): MemberResult {
  if (result.ok) return { userId: result.userId, error: null };
  return {
    userId: result.userId,
    error: { code: result.status, message: result.publicMessage ?? `Microsoft Teams refused (${result.graphCode}).` },
  };
}
