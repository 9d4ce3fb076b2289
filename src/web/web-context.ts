// What every route receives: the configuration, the two databases, the Microsoft identity, the session cookies, the
// page renderer, the login throttle, the scheduled jobs and the sync dashboard's runner. Built once by createWebServer (./create-server.ts).
import type { Config } from '../config/index.js';
import type { IntegrationDatabase } from '../db/index.js';
import type { ElentraHandle } from '../elentra/index.js';
import type { Identity } from '../microsoft/identity/index.js';
import type { LoginThrottle } from './auth/login-throttle.js';
import type { DashboardSync } from './dashboard/dashboard-sync.js';
import type { PageRenderer } from './render/page.js';
import type { WebJobs } from './scheduler/web-jobs.js';
import type { SessionCookies } from './security/session.js';

/** Elentra's first organisation: whose `settings` rows decide the menu (its own row over the global row). */
export const DEFAULT_ORGANISATION_ID = 1;

export interface WebLink {
  label: string;
  href: string;
}

export interface WebContext {
  config: Config;
  database: IntegrationDatabase;
  elentra: ElentraHandle;
  identity: Identity;
  sessions: SessionCookies;
  pages: PageRenderer;
  throttle: LoginThrottle;
  /** The `cron` table's jobs: list, change, preview, "Run now" (in the background). */
  jobs: WebJobs;
  /** The sync dashboard's Sync now (in the background, under the sync jobs' leases). */
  dashboard: { sync: DashboardSync };
  organisationId: number;
  /** Extra links on the home and sign-in pages (the embedded demo's tenant viewer). */
  links: readonly WebLink[];
  /** Per Graph request from a page (the time-zone list): a page must not hang on a slow Graph. */
  graphTimeoutMs: number;
  now: () => number;
}
