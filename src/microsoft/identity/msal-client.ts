// MSAL for Node, configured from Config only: the authority is Microsoft's public-cloud host as usual, and
// `authorityMetadata` (see ./endpoints.ts) points every endpoint at MS_LOGIN_URL, so MSAL never does instance or
// OpenID discovery over the network and the emulator is reached purely by configuration.
// Verified against the emulator (test/microsoft-identity.test.ts): MSAL 7's default network client is Node's fetch,
// which speaks plain http to a loopback MS_LOGIN_URL, so no custom `networkClient` is needed.
// A fresh client per operation: its in-memory token cache then holds exactly the tokens of that one exchange, and
// nothing is shared between web requests. We use MSAL for the authorize URL and the code exchange; refreshes use
// ./token-endpoint.ts (see there why).
import { ConfidentialClientApplication, type Configuration, LogLevel } from '@azure/msal-node';
import type { Config } from '../../config/index.js';
import { requireMicrosoftApp } from '../../config/index.js';
import { authorityMetadataFor, identityEndpoints } from './endpoints.js';

/** Where MSAL's own warnings go; messages that MSAL marks as containing personal data are dropped. */
export interface MsalLogSink {
  warn(fields: Record<string, unknown>, message: string): void;
}

export function msalConfiguration(config: Config, log?: MsalLogSink): Configuration {
  const app = requireMicrosoftApp(config);
  const endpoints = identityEndpoints(config);
  return {
    auth: {
      clientId: app.clientId,
      clientSecret: app.clientSecret.reveal(),
      authority: endpoints.authority,
      // Endpoints from configuration: MSAL skips OpenID discovery (and does not validate an issuer it was given).
      // Instance discovery (MSAL.js's `instanceDiscovery: false`, absent from MSAL Node 7) is not needed either:
      // login.microsoftonline.com is in MSAL's built-in cloud metadata. The test asserts no request leaves MS_LOGIN_URL.
      authorityMetadata: authorityMetadataFor(endpoints),
    },
    system: {
      loggerOptions: {
        // Never let MSAL log tokens, codes, secrets or user names.
        piiLoggingEnabled: false,
        logLevel: LogLevel.Warning,
        loggerCallback: (_level, message, containsPii) => {
          if (!containsPii) log?.warn({ component: 'msal' }, message);
        },
      },
    },
  };
}

export function createMsalClient(config: Config, log?: MsalLogSink): ConfidentialClientApplication {
  return new ConfidentialClientApplication(msalConfiguration(config, log));
}
