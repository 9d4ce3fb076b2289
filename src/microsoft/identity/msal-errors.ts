// MSAL's exceptions → our typed errors. MSAL turns a token-endpoint error answer into ServerError or
// InteractionRequiredAuthError with `errorCode` (the OAuth `error`), `errorNo` (the first of `error_codes`, the AADSTS
// number), `subError` and sometimes `status`; a failed connection is a ClientAuthError `network_error`. Their text
// may carry Microsoft's trace ids, so it goes only into `cause` (logs), never into the message.
import { AuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { AppError } from '../../lib/errors.js';
import { aadstsCodeIn } from './aadsts-codes.js';
import { LoginUnavailableError } from './identity-errors.js';
import { type Grant, tokenEndpointError } from './token-errors.js';

export function msalError(error: unknown, grant: Grant): Error {
  if (error instanceof ServerError || error instanceof InteractionRequiredAuthError) {
    const errorNo = Number(error.errorNo);
    return tokenEndpointError(
      {
        status: error instanceof ServerError ? error.status : undefined,
        error: error.errorCode,
        aadsts: Number.isInteger(errorNo) && errorNo > 0 ? errorNo : aadstsCodeIn(error.errorMessage),
        suberror: error.subError || undefined,
      },
      grant,
      error,
    );
  }
  if (error instanceof AuthError && error.errorCode === 'network_error') {
    return new LoginUnavailableError(
      'Microsoft’s sign-in service could not be reached. Check the network, then press Authorize Account again.',
      { cause: error },
    );
  }
  if (error instanceof AuthError) {
    return new AppError(
      `The Microsoft sign-in library failed (${error.errorCode}). Press Authorize Account again; if it keeps ` +
        'failing, run `elentra-teams microsoft:doctor`.',
      { code: 'microsoft.msal', docs: 'microsoft-sign-in-failed', cause: error },
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}
