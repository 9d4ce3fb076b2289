// The dashboard's first card, in words: is the integration switched on, who authorized Microsoft and how healthy
// that authorization is (missing scopes, a grant unused for long enough that Microsoft will expire it), the Outlook
// Time Zone against the site's, and the scheduled jobs with their last run. Pure.
import type { Config } from '../../config/index.js';
import type { MicrosoftSettings } from '../../elentra/index.js';
import type { ServiceTokenSummary } from '../../microsoft/identity/index.js';
import type { JobListing } from '../../scheduler/index.js';
import { zoneMismatch } from '../microsoft/outlook-time-zone.js';
import { tokenStatusView } from '../microsoft/token-status.js';
import { jobCard, type StatusBadge } from '../scheduler/job-views.js';

/** Microsoft expires a refresh token unused for 90 days; warn well before. */
export const REFRESH_WARNING_MS = 60 * 86_400_000;

export interface Health {
  readonly badge: StatusBadge;
  readonly lines: readonly string[];
  /** Section of the Troubleshooting Guide for the first problem; null when all is well. */
  readonly docs: string | null;
}

export interface JobLine {
  readonly name: string;
  readonly active: boolean;
  readonly lastRun: StatusBadge;
  readonly lastRunDetail: string | null;
  readonly lastError: string | null;
}

export interface IntegrationState {
  readonly enabled: boolean;
  readonly menuEntryPresent: boolean;
  readonly token: Health;
  readonly timeZone: Health;
  readonly jobs: readonly JobLine[];
}

function tokenHealth(summary: ServiceTokenSummary, config: Config, now: number): Health {
  const view = tokenStatusView(summary, config, now);
  if (view.state === 'not-authorized') {
    const lines = ['No Microsoft account is authorized: nothing can be synchronized.'];
    return { badge: { tone: 'muted', label: view.label }, lines, docs: 'microsoft-not-authorized' };
  }
  if (view.state === 'needs-reauthorization') {
    const lines = [view.reason ?? 'Microsoft no longer accepts the stored authorization.'];
    return { badge: { tone: 'error', label: view.label }, lines, docs: 'microsoft-authorization-expired' };
  }
  const lines = [
    `Authorized as ${view.account ?? 'an unknown account'}${view.authorized ? ` (${view.authorized})` : ''}.`,
  ];
  let docs: string | null = null;
  if (view.lastRefreshed) lines.push(`Last refreshed ${view.lastRefreshed}.`);
  if (view.missingScopes.length > 0) {
    lines.push(`Permissions not granted: ${view.missingScopes.join(', ')}. Re-authorize (with admin consent).`);
    docs = 'microsoft-consent-missing';
  }
  const lastUse = summary.lastRefreshedAt ?? summary.authorizedAt;
  if (lastUse !== null && now - lastUse > REFRESH_WARNING_MS) {
    lines.push(
      'Unused for over 60 days: Microsoft expires it after 90. Switch on microsoft:refresh-token or run a sync.',
    );
    docs ??= 'microsoft-authorization-expired';
  }
  const badge: StatusBadge =
    docs === null ? { tone: 'ok', label: 'Connected' } : { tone: 'warning', label: 'Connected, needs attention' };
  return { badge, lines, docs };
}

function timeZoneHealth(stored: string | null, siteZone: string, now: number): Health {
  if (stored === null) {
    const lines = ['Not set: class sessions cannot become Teams meetings until it is (Microsoft Account page).'];
    return { badge: { tone: 'warning', label: 'Not set' }, lines, docs: 'outlook-time-zone' };
  }
  const mismatch = zoneMismatch(stored, siteZone, now);
  if (mismatch !== null)
    return { badge: { tone: 'warning', label: stored }, lines: [mismatch], docs: 'time-zone-mismatch' };
  return { badge: { tone: 'ok', label: stored }, lines: [`Matches the site's time zone (${siteZone}).`], docs: null };
}

export function integrationState(input: {
  settings: Pick<MicrosoftSettings, 'teamsEnabled' | 'menuEntryPresent'>;
  summary: ServiceTokenSummary;
  jobs: readonly JobListing[];
  config: Config;
  now: number;
}): IntegrationState {
  const { config, now } = input;
  const zone = config.DEFAULT_TIMEZONE;
  return {
    enabled: input.settings.teamsEnabled,
    menuEntryPresent: input.settings.menuEntryPresent,
    token: tokenHealth(input.summary, config, now),
    timeZone: timeZoneHealth(input.summary.outlookTimeZone, zone, now),
    jobs: input.jobs.map((job) => {
      const card = jobCard(job, zone, now);
      return {
        name: card.name,
        active: card.active,
        lastRun: card.lastRun,
        lastRunDetail: card.lastRunDetail,
        lastError: card.lastError,
      };
    }),
  };
}
