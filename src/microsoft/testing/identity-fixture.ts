// Test helpers for the Microsoft identity and Graph code, used by test/microsoft-*.test.ts and later by the sync's
// tests; never by the product. They know nothing of the emulator's code: they take its URLs and the app registration
// as plain values and drive the authorize endpoint over HTTP, as a browser would with an auto-consenting IdP.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Config, loadConfig } from '../../config/index.js';
import { type IntegrationDatabase, migrateToLatest, openIntegrationDatabase } from '../../db/index.js';
import type { AuthorizationAnswer } from '../identity/authorization-answer.js';

export interface TestAppRegistration {
  loginUrl: string;
  graphUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Must be a redirect URI registered for the app; its origin becomes ENTRADA_URL. */
  redirectUri: string;
}

/** A Config for the given app registration and database, with a fresh random APP_KEY unless one is given. */
export function testConfig(
  app: TestAppRegistration,
  databaseUrl: string,
  extra: Record<string, string | undefined> = {},
): Config {
  const entradaUrl = app.redirectUri.replace(/\/api\/ms-graph-oauth\.php$/, '');
  const env = {
    MS_AD_TENANT_ID: app.tenantId,
    MS_OAUTH_CLIENT_ID: app.clientId,
    MS_OAUTH_CLIENT_SECRET: app.clientSecret,
    MS_LOGIN_URL: app.loginUrl,
    MS_GRAPH_URL: app.graphUrl,
    ENTRADA_URL: entradaUrl,
    DATABASE_URL: databaseUrl,
    APP_KEY: `base64:${randomBytes(32).toString('base64')}`,
    ...extra,
  };
  return loadConfig({ env, cwd: mkdtempSync(join(tmpdir(), 'et-config-')) });
}

export async function openMigrated(url: string): Promise<IntegrationDatabase> {
  const database = await openIntegrationDatabase(url);
  await migrateToLatest(database);
  return database;
}

/** Opens an authorize URL at an IdP that answers at once (auto-consent + login_hint) and returns the redirect query. */
export async function followAuthorizeRedirect(url: string): Promise<AuthorizationAnswer & { redirectedTo: string }> {
  const response = await fetch(url, { redirect: 'manual' });
  const location = response.headers.get('location');
  if (response.status !== 302 || location === null) {
    throw new Error(
      `authorize answered ${response.status} without a redirect: ${(await response.text()).slice(0, 300)}`,
    );
  }
  const target = new URL(location);
  const param = (name: string) => target.searchParams.get(name) ?? undefined;
  return {
    redirectedTo: `${target.origin}${target.pathname}`,
    code: param('code'),
    state: param('state'),
    error: param('error'),
    error_description: param('error_description'),
  };
}
