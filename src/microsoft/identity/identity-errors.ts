// Typed errors of the Microsoft authorization, each with a plain message and a docs/troubleshooting.md anchor.
// Jobs stop at once on an AuthorizationRequiredError (no partial work); the web app shows publicMessage as is.
import { AppError, type AppErrorOptions } from '../../lib/errors.js';

type Options = Omit<AppErrorOptions, 'code'> & { code?: string };

/** No usable Microsoft authorization: nothing can be done in Microsoft until an administrator (re-)authorizes. */
export class AuthorizationRequiredError extends AppError {
  constructor(message: string, options: Options = {}) {
    super(message, { code: 'microsoft.authorization_required', docs: 'microsoft-not-authorized', ...options });
  }
}

/** The Microsoft account was never authorized, or was disconnected. */
export class NotAuthorizedError extends AuthorizationRequiredError {
  constructor() {
    super(
      'The Microsoft account is not authorized. An administrator must press Authorize Account on the Microsoft ' +
        'Account page (profile menu → Microsoft Account).',
      { code: 'microsoft.not_authorized', docs: 'microsoft-not-authorized' },
    );
  }
}

/** The stored grant is dead (expired, revoked, consent withdrawn, MFA now required); the reason is in the message. */
export class ReauthorizationRequiredError extends AuthorizationRequiredError {
  /** The AADSTS code Microsoft gave, when it gave one. */
  readonly aadsts: number | undefined;

  constructor(message: string, options: Options & { aadsts?: number } = {}) {
    const { aadsts, ...rest } = options;
    super(message, { code: 'microsoft.reauthorization_required', docs: 'microsoft-authorization-expired', ...rest });
    this.aadsts = aadsts;
  }
}

/** MS_OAUTH_CLIENT_SECRET is wrong or expired (AADSTS7000215 / 7000222): a new secret is needed, not a sign-in. */
export class ClientSecretError extends AppError {
  constructor(message: string, options: Options = {}) {
    super(message, { code: 'microsoft.client_secret', docs: 'expired-client-secret', ...options });
  }
}

/** Tenant id, client id, redirect URI or scopes do not match the Azure app registration. */
export class AppRegistrationError extends AppError {
  constructor(message: string, options: Options = {}) {
    super(message, { code: 'microsoft.app_registration', docs: 'app-not-found', ...options });
  }
}

/** Microsoft's sign-in service did not answer usefully (5xx, 429, network); retry later. */
export class LoginUnavailableError extends AppError {
  constructor(message: string, options: Options = {}) {
    super(message, { code: 'microsoft.login_unavailable', docs: 'microsoft-unreachable', ...options });
  }
}

export type StateProblem = 'missing' | 'unknown' | 'used' | 'expired' | 'other-session';

const STATE_MESSAGES: Record<StateProblem, string> = {
  missing: 'The answer from Microsoft carried no state, so it cannot be matched to a sign-in started here.',
  unknown: 'The answer from Microsoft does not belong to a sign-in started here (its state is unknown).',
  used: 'This answer from Microsoft was already used to complete a sign-in; it cannot be used twice.',
  expired: 'The Microsoft sign-in took longer than 10 minutes and expired.',
  'other-session': 'This Microsoft sign-in was started in another browser session, so it cannot be completed here.',
};

/** The `state` of an authorization answer is missing, unknown, replayed, expired or from another session. */
export class AuthorizationStateError extends AppError {
  readonly problem: StateProblem;

  constructor(problem: StateProblem) {
    super(`${STATE_MESSAGES[problem]} Press Authorize Account on the Microsoft Account page to start again.`, {
      code: `microsoft.oauth_state_${problem.replace('-', '_')}`,
      docs: 'microsoft-sign-in-failed',
    });
    this.problem = problem;
  }
}

/** A sign-in reached us but did not produce a usable authorization (code refused, consent missing, scopes missing). */
export class AuthorizationFailedError extends AppError {
  /** Required scopes Microsoft did not grant, when that is the reason. */
  readonly missingScopes: readonly string[];

  constructor(message: string, options: Options & { missingScopes?: readonly string[] } = {}) {
    const { missingScopes, ...rest } = options;
    super(message, { code: 'microsoft.authorization_failed', docs: 'microsoft-sign-in-failed', ...rest });
    this.missingScopes = missingScopes ?? [];
  }
}
