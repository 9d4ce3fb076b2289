// The doctor's checks, in the order they run and are shown, each with its default section of
// docs/troubleshooting.md. A check may link a more precise section when it fails (the token check links the section
// of the AADSTS code Microsoft gave, for instance).
import type { CheckSpec } from './check-result.js';

export const CONFIGURATION: CheckSpec = {
  id: 'configuration',
  title: 'Settings present and valid',
  docs: 'configuration',
};
export const FEATURE_FLAG: CheckSpec = {
  id: 'feature-flag',
  title: 'Integration switched on in Elentra',
  docs: 'integration-disabled',
};
export const REDIRECT_URL: CheckSpec = { id: 'redirect-url', title: 'Redirect URL', docs: 'redirect-uri-mismatch' };
export const CLIENT_SECRET: CheckSpec = {
  id: 'client-secret',
  title: 'Client secret accepted by Microsoft',
  docs: 'expired-client-secret',
};
export const TOKEN: CheckSpec = {
  id: 'token',
  title: 'Microsoft authorization and permissions',
  docs: 'microsoft-not-authorized',
};
export const GRAPH: CheckSpec = { id: 'graph', title: 'Microsoft Graph reachable', docs: 'microsoft-unreachable' };
export const TIME_ZONE: CheckSpec = { id: 'time-zone', title: 'Outlook Time Zone', docs: 'time-zone-mismatch' };
export const JOBS_ACTIVE: CheckSpec = { id: 'jobs-active', title: 'Scheduled jobs switched on', docs: 'jobs-inactive' };
export const CRONTAB: CheckSpec = {
  id: 'crontab',
  title: 'Scheduler firing (heartbeat)',
  docs: 'crontab-not-firing',
};
export const LAST_RUNS: CheckSpec = { id: 'last-runs', title: 'Last runs', docs: 'last-run-failed' };

export const CHECK_SPECS: readonly CheckSpec[] = [
  CONFIGURATION,
  FEATURE_FLAG,
  REDIRECT_URL,
  CLIENT_SECRET,
  TOKEN,
  GRAPH,
  TIME_ZONE,
  JOBS_ACTIVE,
  CRONTAB,
  LAST_RUNS,
];
