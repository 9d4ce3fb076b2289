// The settings of the chaos driver and of its sync children (no emulator import: the child bundles this).
import { type Config, loadConfig } from '../../src/config/index.js';
import type { TestAppRegistration } from '../../src/microsoft/testing/identity-fixture.js';

/**
 * The settings of the driver and of its children: testConfig()'s, read in the seed's folder (testConfig would make a
 * temporary folder per call, one per child process).
 */
export function chaosConfig(
  registration: TestAppRegistration,
  databaseUrl: string,
  appKey: string,
  cwd: string,
): Config {
  const env = {
    MS_AD_TENANT_ID: registration.tenantId,
    MS_OAUTH_CLIENT_ID: registration.clientId,
    MS_OAUTH_CLIENT_SECRET: registration.clientSecret,
    MS_LOGIN_URL: registration.loginUrl,
    MS_GRAPH_URL: registration.graphUrl,
    ENTRADA_URL: registration.redirectUri.replace(/\/api\/ms-graph-oauth\.php$/, ''),
    DATABASE_URL: databaseUrl,
    APP_KEY: appKey,
  };
  return loadConfig({ env, cwd });
}
