// Fault injection (`POST /_emulator/faults`): rules that make matching requests fail the way Microsoft's services do.
// A rule matches on the request path (a glob — `*` one segment, `**` anything — or a regex written `re:…` or `^…`),
// tested against both the actual path and the route pattern (`/v1.0/teams/{id}/members`), and optionally a method.
// It fires always, with probability `rate` (seeded, so reproducible), or only on the `nth` match; `count` caps how
// often it fires. Kinds:
// - status: answer `status` (429/500/503/504…) in Graph's error shape, with `Retry-After` when given;
// - reset: destroy the connection without answering (nothing is changed);
// - timeout: hold the connection `holdSeconds`, then destroy it (nothing is changed);
// - lost-response: apply the change, then destroy the connection without answering;
// - failed-operation: the async team operation the request starts ends in `failed`;
// - meeting-missing: the event is created, but `isOnlineMeeting: false`, `onlineMeetingProvider: "unknown"`.
// Inside `$batch`, status / failed-operation / meeting-missing act on the inner request; reset, timeout and
// lost-response act on the whole batch connection (a batch is one HTTP exchange).
import { z } from 'zod';
import { createPrng, deriveSeed, type Prng } from './prng.js';

export const FAULT_KINDS = [
  'status',
  'reset',
  'timeout',
  'lost-response',
  'failed-operation',
  'meeting-missing',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultRuleInput = z
  .object({
    route: z.string().min(1),
    method: z.string().optional(),
    kind: z.enum(FAULT_KINDS),
    status: z.number().int().min(400).max(599).optional(),
    retryAfterSeconds: z.number().int().min(0).optional(),
    code: z.string().optional(),
    message: z.string().optional(),
    holdSeconds: z.number().min(0).optional(),
    rate: z.number().min(0).max(1).optional(),
    nth: z.number().int().min(1).optional(),
    count: z.number().int().min(1).optional(),
    seed: z.number().int().optional(),
  })
  .strict();
export type FaultRuleInput = z.infer<typeof faultRuleInput>;

export interface FaultRule extends FaultRuleInput {
  id: string;
  matched: number;
  fired: number;
}

export interface FaultProbe {
  method: string;
  /** The actual path, e.g. `/v1.0/teams/3f…/members` (no query). */
  path: string;
  /** The route pattern when known, e.g. `/v1.0/teams/{id}/members`. */
  route?: string;
}

/** Default hold of a `timeout` fault: longer than most clients wait. */
export const DEFAULT_TIMEOUT_HOLD_SECONDS = 120;

export class FaultInjector {
  private rules: Array<{ rule: FaultRule; test: (s: string) => boolean; prng: Prng }> = [];
  private nextId = 1;

  constructor(private readonly seed: number) {}

  add(input: FaultRuleInput): FaultRule {
    const id = `fault-${this.nextId++}`;
    const rule: FaultRule = { ...input, id, matched: 0, fired: 0 };
    const prng = createPrng(input.seed ?? deriveSeed(this.seed, id));
    this.rules.push({ rule, test: compilePattern(input.route), prng });
    return rule;
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r.rule }));
  }

  remove(id?: string): number {
    const before = this.rules.length;
    this.rules = id === undefined ? [] : this.rules.filter((r) => r.rule.id !== id);
    if (id === undefined) this.nextId = 1;
    return before - this.rules.length;
  }

  /** The first rule that fires for this request, counting the match on every rule that matches. */
  pick(probe: FaultProbe): FaultRule | null {
    for (const entry of this.rules) {
      const { rule } = entry;
      if (rule.method && rule.method.toUpperCase() !== probe.method.toUpperCase()) continue;
      if (!entry.test(probe.path) && !(probe.route && entry.test(probe.route))) continue;
      if (rule.count !== undefined && rule.fired >= rule.count) continue;
      rule.matched += 1;
      let fires: boolean;
      if (rule.nth !== undefined) fires = rule.matched === rule.nth;
      else if (rule.rate !== undefined) fires = entry.prng.next() < rule.rate;
      else fires = true;
      if (!fires) continue;
      rule.fired += 1;
      return { ...rule };
    }
    return null;
  }
}

/** `re:…` or `^…` → a regex; otherwise a glob where `**` crosses segments and `*` does not. */
export function compilePattern(pattern: string): (s: string) => boolean {
  if (pattern.startsWith('re:') || pattern.startsWith('^')) {
    const re = new RegExp(pattern.startsWith('re:') ? pattern.slice(3) : pattern);
    return (s) => re.test(s);
  }
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i] ?? '';
    if (ch === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i += 1;
    } else if (ch === '*') source += '[^/]*';
    else source += ch.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  const re = new RegExp(`^${source}$`);
  return (s) => re.test(s);
}
