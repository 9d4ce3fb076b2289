// Every AADSTS code of GRAPH-FACTS §1 has a plain message and a docs anchor, and each lands on the right typed error
// for the grant it came from (stored refresh token vs. a code being redeemed).
import { describe, expect, it } from 'vitest';
import { AADSTS_CODES } from './aadsts-codes.js';
import {
  AppRegistrationError,
  AuthorizationFailedError,
  ClientSecretError,
  LoginUnavailableError,
  ReauthorizationRequiredError,
} from './identity-errors.js';
import { parseTokenErrorBody, tokenEndpointError } from './token-errors.js';

const FACT_CODES = [
  70008, 700082, 70000, 54005, 501481, 50173, 65001, 65004, 50076, 50078, 50079, 50011, 70011, 700016, 7000215, 7000222,
];

describe('aadsts-codes', () => {
  it.each(FACT_CODES)('AADSTS%i has a message, a meaning and a docs anchor', (code) => {
    const entry = AADSTS_CODES.get(code);
    expect(entry?.publicMessage.length).toBeGreaterThan(40);
    expect(entry?.meaning.length).toBeGreaterThan(10);
    expect(entry?.docs).toMatch(/^[a-z0-9-]+$/);
  });
});

describe('tokenEndpointError', () => {
  it.each([
    [70008, 'invalid_grant', ReauthorizationRequiredError],
    [700082, 'invalid_grant', ReauthorizationRequiredError],
    [50173, 'invalid_grant', ReauthorizationRequiredError],
    [65001, 'invalid_grant', ReauthorizationRequiredError],
    [54005, 'invalid_grant', ReauthorizationRequiredError],
    [50076, 'interaction_required', ReauthorizationRequiredError],
    [9999999, 'invalid_grant', ReauthorizationRequiredError],
    [7000215, 'invalid_client', ClientSecretError],
    [7000222, 'invalid_client', ClientSecretError],
    [700016, 'unauthorized_client', AppRegistrationError],
    [70011, 'invalid_scope', AppRegistrationError],
  ])('refresh grant, AADSTS%i %s → %o', (aadsts, error, type) => {
    const status = error === 'invalid_client' ? 401 : 400;
    expect(tokenEndpointError({ status, error, aadsts }, 'refresh_token')).toBeInstanceOf(type);
  });

  it.each([
    [54005, AuthorizationFailedError, /already used/],
    [70008, AuthorizationFailedError, /Authorize Account/],
    [501481, AuthorizationFailedError, /PKCE/],
    [65004, AuthorizationFailedError, /declined/],
    [7000222, ClientSecretError, /new client secret/],
  ])('code grant, AADSTS%i → %o', (aadsts, type, message) => {
    const error = tokenEndpointError({ status: 400, error: 'invalid_grant', aadsts }, 'authorization_code');
    expect(error).toBeInstanceOf(type);
    expect(error.message).toMatch(message);
    expect(error.message).toContain(`AADSTS${aadsts}`);
  });

  it('treats 5xx, 429 and temporarily_unavailable as retriable', () => {
    for (const answer of [
      { status: 503, error: 'temporarily_unavailable', aadsts: 90033 },
      { status: 500, error: 'server_error', aadsts: undefined },
      { status: 429, error: 'unknown_error', aadsts: undefined, retryAfterSeconds: 7 },
    ]) {
      const error = tokenEndpointError(answer, 'refresh_token');
      expect(error).toBeInstanceOf(LoginUnavailableError);
      expect(error.retryAfterSeconds).toBeGreaterThan(0);
    }
  });

  it('reads a real error body (error_codes, or the code in the description)', () => {
    const body = {
      error: 'invalid_grant',
      error_description:
        'AADSTS70008: The provided authorization code or refresh token has expired due to inactivity.\r\nTrace ID: x',
      error_codes: [70008],
      suberror: 'bad_token',
    };
    expect(parseTokenErrorBody(400, body)).toEqual({
      status: 400,
      error: 'invalid_grant',
      aadsts: 70008,
      suberror: 'bad_token',
      retryAfterSeconds: undefined,
    });
    expect(parseTokenErrorBody(400, { ...body, error_codes: undefined }).aadsts).toBe(70008);
    expect(parseTokenErrorBody(502, 'Bad gateway').error).toBe('server_error');
  });
});
