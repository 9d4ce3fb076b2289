// The link to a team in Microsoft Teams. A `https://teams.microsoft.com/l/team/…` link needs the team's General
// channel thread id, which the sync does not keep, so the offering page asks Graph for the team's `webUrl`
// (`GET /teams/{id}?$select=…webUrl`, CSDL `team.webUrl`) once per team and remembers it in memory. Graph slow,
// refusing or not authorized → no link (the page never waits longer than the web's Graph timeout).
import type { FastifyBaseLogger } from 'fastify';
import { GraphClient, getTeam } from '../../microsoft/graph/index.js';
import type { WebContext } from '../web-context.js';
import { safeHttpUrl } from './dashboard-view.js';

const MAX_REMEMBERED = 500;

export class TeamLinks {
  readonly #known = new Map<string, string | null>();

  async webUrl(ctx: WebContext, teamId: string, log: FastifyBaseLogger): Promise<string | null> {
    if (this.#known.has(teamId)) return this.#known.get(teamId) ?? null;
    try {
      const client = new GraphClient({
        graphUrl: ctx.config.MS_GRAPH_URL,
        getAccessToken: ctx.identity.getAccessToken,
        logger: log,
        timeoutMs: ctx.graphTimeoutMs,
        retry: { maxRetries: 1, maxTotalWaitMs: 2_000 },
      });
      const team = await getTeam(client, teamId);
      const url = safeHttpUrl(team?.webUrl);
      if (this.#known.size >= MAX_REMEMBERED) this.#known.clear();
      this.#known.set(teamId, url);
      return url;
    } catch (error) {
      log.warn({ err: error }, 'could not read the team’s web address from Microsoft Graph');
      return null;
    }
  }
}
