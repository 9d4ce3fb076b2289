// Test support for Graph and behaviour tests: starts the real emulator (startEmulator) with Graph options suited to
// tests (limits off, instant team operations, no replication delay unless asked), mints access tokens with chosen
// scopes through the identity platform's own token store, and calls Graph and the control API over real HTTP.
import { readFileSync } from 'node:fs';
import type { GraphOptions, SeedUser, TenantSeed } from '../context.js';
import { type RunningEmulator, startEmulator } from '../server.js';

/** The product's scopes (the Elentra guide's MS_OAUTH_SCOPES, minus offline_access). */
export const PRODUCT_GRAPH_SCOPES = [
  'User.ReadBasic.All',
  'Group.ReadWrite.All',
  'Team.Create',
  'Team.ReadBasic.All',
  'TeamMember.ReadWrite.All',
];

export interface HarnessOptions {
  graph?: GraphOptions;
  seed?: TenantSeed;
  randomSeed?: number;
  latencyMs?: number;
}

export interface GraphReply {
  status: number;
  headers: Headers;
  /** Parsed JSON; `{}` when there was no body (see `empty`). */
  body: Record<string, unknown>;
  /** True when the answer had no body at all. */
  empty: boolean;
}

export class GraphHarness {
  /** Added to Date.now() by the emulator's clock; `advance()` moves it. */
  private clockOffsetMs = 0;
  /** When set, the emulator's clock stands still at this instant (throttling windows become deterministic). */
  private frozenAtMs: number | null = null;
  emu!: RunningEmulator;

  get graphBase(): string {
    return `${this.emu.graphUrl}/v1.0`;
  }

  user(index: number): SeedUser {
    const user = this.emu.context.tenant.users[index];
    if (!user) throw new Error(`No user #${index}`);
    return user;
  }

  async start(options: HarnessOptions = {}): Promise<this> {
    const start = {
      seed: options.seed ?? defaultTestSeed(),
      randomSeed: options.randomSeed ?? 7,
      latencyMs: options.latencyMs ?? 0,
      now: () => (this.frozenAtMs ?? Date.now()) + this.clockOffsetMs,
      graph: { limits: 'off', teamOperationMs: 0, replicationDelayMs: 0, ...options.graph } satisfies GraphOptions,
    };
    this.emu = await startEmulator(start);
    return this;
  }

  advance(ms: number): void {
    this.clockOffsetMs += ms;
  }

  /** Stops the emulator's clock (until `unfreeze()`); `advance()` still moves it. */
  freeze(): void {
    this.frozenAtMs = Date.now();
  }

  unfreeze(): void {
    this.frozenAtMs = null;
  }

  /** An access token for a tenant user (default: the first) with the product's scopes or the given ones. */
  token(options: { userIndex?: number; scopes?: string[]; lifetimeSeconds?: number; clientId?: string } = {}): string {
    const app = this.emu.context.tenant.apps[0];
    return this.emu.context.tokens.mintAccessToken({
      userId: this.user(options.userIndex ?? 0).id,
      clientId: options.clientId ?? app?.clientId ?? '',
      scopes: options.scopes ?? PRODUCT_GRAPH_SCOPES,
      ...(options.lifetimeSeconds !== undefined ? { lifetimeSeconds: options.lifetimeSeconds } : {}),
    });
  }

  async graph(
    method: string,
    path: string,
    options: { body?: unknown; token?: string | null; headers?: Record<string, string>; rawBody?: string } = {},
  ): Promise<GraphReply> {
    const token = options.token === undefined ? this.token() : options.token;
    const headers: Record<string, string> = { ...options.headers };
    if (token !== null) headers.authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    const url = path.startsWith('http') ? path : `${this.graphBase}${path}`;
    const response = await fetch(url, { method, headers, ...(body !== undefined ? { body } : {}) });
    return replyOf(response, await response.text());
  }

  async control(method: string, path: string, body?: unknown): Promise<GraphReply> {
    const response = await fetch(`${this.emu.controlUrl}${path}`, {
      method,
      ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    });
    return replyOf(response, await response.text());
  }

  /** Creates a team through `POST /teams` and waits for it (team operations are instant in tests by default). */
  async createTeam(displayName: string, token?: string): Promise<string> {
    const created = await this.graph('POST', '/teams', {
      token: token ?? this.token(),
      body: {
        'template@odata.bind': "https://graph.microsoft.com/v1.0/teamsTemplates('standard')",
        displayName,
        description: `${displayName} description`,
      },
    });
    if (created.status !== 202)
      throw new Error(`POST /teams answered ${created.status}: ${JSON.stringify(created.body)}`);
    const location = created.headers.get('location') ?? '';
    const id = /teams\('([^']+)'\)/.exec(location)?.[1];
    if (!id) throw new Error(`No team id in Location '${location}'`);
    return id;
  }

  stop(): Promise<void> {
    return this.emu.stop();
  }
}

function replyOf(response: Response, text: string): GraphReply {
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    empty: text === '',
  };
}

/** The `value` (or another array property) of an answer, typed for the test. */
export function listOf<T = Record<string, unknown>>(reply: GraphReply, property = 'value'): T[] {
  const list = reply.body[property];
  if (!Array.isArray(list))
    throw new Error(`The answer has no '${property}' array: ${JSON.stringify(reply.body).slice(0, 300)}`);
  return list as T[];
}

export async function startHarness(options: HarnessOptions = {}): Promise<GraphHarness> {
  return new GraphHarness().start(options);
}

/** The emulator's default tenant plus `extraUsers` generated users (for filters and paging). */
export function defaultTestSeed(extraUsers = 0): TenantSeed {
  const seed = JSON.parse(
    readFileSync(new URL('../../seeds/default-tenant.json', import.meta.url), 'utf8'),
  ) as TenantSeed & { $schema?: string };
  delete seed.$schema;
  for (let i = 1; i <= extraUsers; i += 1) {
    const n = String(i).padStart(3, '0');
    seed.users.push({
      id: `b0000000-0000-4000-8000-000000000${n}`,
      displayName: `Learner ${n}`,
      givenName: 'Learner',
      surname: n,
      mail: `learner${n}@${seed.domain}`,
      userPrincipalName: `learner${n}@${seed.domain}`,
    });
  }
  return seed;
}
