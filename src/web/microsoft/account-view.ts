// Everything the Microsoft Account page shows, gathered in one place so the route stays thin: whether the feature is
// enabled, whether the Microsoft app is configured, the OAuth Token field and the Outlook Time Zone choices.
import type { FastifyBaseLogger } from 'fastify';
import { ConfigError, type ConfigProblem, requireMicrosoftApp } from '../../config/index.js';
import {
  MICROSOFT_TEAMS_ENABLED,
  readMicrosoftSettings,
  USER_MENU_ORDERING,
  withMicrosoftMenuEntry,
} from '../../elentra/index.js';
import type { WindowsTimeZone } from '../../time/index.js';
import type { WebContext } from '../web-context.js';
import { preselectedZone, zoneChoices, zoneMismatch } from './outlook-time-zone.js';
import { type TokenStatusView, tokenStatusView } from './token-status.js';

export type AccountPage =
  | {
      kind: 'disabled';
      enabledName: string;
      menuName: string;
      /** The `settings:set` value that adds the entry, shell-quoted; null when the entry is there already. */
      menuValue: string | null;
      organisationId: number;
    }
  | { kind: 'not-configured'; problems: readonly ConfigProblem[] }
  | {
      kind: 'ready';
      token: TokenStatusView;
      menuEntryPresent: boolean;
      zones: WindowsTimeZone[];
      zoneSource: 'mailbox' | 'standard';
      zoneProblem: string | null;
      selectedZone: string | null;
      storedZone: string | null;
      zoneWarning: string | null;
      siteZone: string;
    };

/** For a command to copy: single quotes, with any single quote closed, escaped and reopened. */
function shellQuote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

/** The Microsoft app settings still missing (named, with where to find them), or null when configured. */
export function missingConfiguration(ctx: WebContext): readonly ConfigProblem[] | null {
  try {
    requireMicrosoftApp(ctx.config);
    return null;
  } catch (error) {
    if (error instanceof ConfigError && error.code === 'config.missing') return error.problems;
    throw error;
  }
}

export async function buildAccountPage(ctx: WebContext, log: FastifyBaseLogger): Promise<AccountPage> {
  const settings = await readMicrosoftSettings(ctx.elentra, ctx.organisationId);
  if (!settings.teamsEnabled) {
    return {
      kind: 'disabled',
      enabledName: MICROSOFT_TEAMS_ENABLED,
      menuName: USER_MENU_ORDERING,
      menuValue: settings.menuEntryPresent ? null : shellQuote(withMicrosoftMenuEntry(settings.menuOrdering)),
      organisationId: ctx.organisationId,
    };
  }
  const problems = missingConfiguration(ctx);
  if (problems) return { kind: 'not-configured', problems };

  const before = await ctx.identity.store.summary();
  const choices = await zoneChoices(ctx, before.status === 'connected', log);
  // Listing the zones may have refreshed the token, or found the grant dead: show the state after it.
  const summary = await ctx.identity.store.summary();
  const siteZone = ctx.config.DEFAULT_TIMEZONE;
  const selectedZone = preselectedZone(summary.outlookTimeZone, siteZone);
  const zones =
    selectedZone === null || choices.zones.some((zone) => zone.alias === selectedZone)
      ? choices.zones
      : [{ alias: selectedZone, displayName: selectedZone }, ...choices.zones];
  return {
    kind: 'ready',
    token: tokenStatusView(summary, ctx.config, ctx.now()),
    menuEntryPresent: settings.menuEntryPresent,
    zones,
    zoneSource: choices.source,
    zoneProblem: choices.problem,
    selectedZone,
    storedZone: summary.outlookTimeZone,
    zoneWarning: zoneMismatch(selectedZone, siteZone, ctx.now()),
    siteZone,
  };
}
