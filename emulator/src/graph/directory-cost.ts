// Resource-unit cost of an identity-and-access request (throttling-limits.md, "Identity and access service limits"):
// a base cost per path (`GET users` 2, `GET groups/{id}/members` 3, any other request 1), then `$select` −1,
// `$expand` +1, `$top` under 20 −1; "a request cost can never be lower than 1". Writes also count against the write quota.
import type { ThrottleTarget } from '../behaviour/index.js';
import type { GraphRequest } from './http.js';

export function directoryTarget(baseCost: number, req: GraphRequest): ThrottleTarget {
  let cost = baseCost;
  if (req.query.has('$select')) cost -= 1;
  if (req.query.has('$expand')) cost += 1;
  const top = req.query.get('$top');
  if (top !== null && /^\d+$/.test(top) && Number(top) < 20) cost -= 1;
  return { service: 'directory', resourceUnits: Math.max(1, cost), write: req.method !== 'GET' };
}
