// Where the identity platform lives, built only from configuration: MS_LOGIN_URL + `/{tenant}/oauth2/v2.0/…`
// (GRAPH-FACTS §1). The real Microsoft and the local emulator differ by MS_LOGIN_URL alone; nothing here knows which.
import type { Config } from '../../config/index.js';
import { requireMicrosoftApp } from '../../config/index.js';

/** MSAL's authority stays Microsoft's public-cloud host; the endpoints it calls come from `authorityMetadata`. */
export const PUBLIC_CLOUD_AUTHORITY_HOST = 'https://login.microsoftonline.com';

export interface IdentityEndpoints {
  /** `https://login.microsoftonline.com/{tenant}`, as MSAL expects it. */
  authority: string;
  authorize: string;
  token: string;
  logout: string;
  issuer: string;
  jwks: string;
}

export function identityEndpoints(config: Config): IdentityEndpoints {
  const { tenantId } = requireMicrosoftApp(config);
  const tenant = encodeURIComponent(tenantId);
  const root = `${config.MS_LOGIN_URL}/${tenant}`;
  return {
    authority: `${PUBLIC_CLOUD_AUTHORITY_HOST}/${tenant}`,
    authorize: `${root}/oauth2/v2.0/authorize`,
    token: `${root}/oauth2/v2.0/token`,
    logout: `${root}/oauth2/v2.0/logout`,
    issuer: `${root}/v2.0`,
    jwks: `${root}/discovery/v2.0/keys`,
  };
}

/**
 * The OpenID configuration MSAL would otherwise download, as the JSON string of its `authorityMetadata` option: with
 * it MSAL makes no discovery request and sends the browser and the code exchange to MS_LOGIN_URL.
 */
export function authorityMetadataFor(endpoints: IdentityEndpoints): string {
  return JSON.stringify({
    authorization_endpoint: endpoints.authorize,
    token_endpoint: endpoints.token,
    end_session_endpoint: endpoints.logout,
    issuer: endpoints.issuer,
    jwks_uri: endpoints.jwks,
  });
}
