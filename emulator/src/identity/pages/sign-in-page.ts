// The sign-in pages: "Pick an account" (every tenant user, as buttons) or type a user name, then a password page
// only for seed users that have a password. The forms carry only the server-side flow id (see ../flows.ts).
import type { SeedUser } from '../../context.js';
import { html, page } from '../../html.js';

export const SIGN_IN_PATH = '/common/login';

export function signInPage(input: {
  flowId: string;
  appName: string;
  users: SeedUser[];
  loginHint: string | undefined;
  error?: string;
}): string {
  return page(
    'Sign in to your account',
    html`<h1 id="title">Sign in</h1>
<p>to continue to <strong>${input.appName}</strong></p>
${input.error ? html`<p class="error" role="alert">${input.error}</p>` : ''}
<form method="post" action="${SIGN_IN_PATH}" aria-labelledby="pick">
<input type="hidden" name="flow" value="${input.flowId}">
<h2 id="pick" class="muted">Pick an account</h2>
${input.users.map(
  (u) =>
    html`<button class="account" type="submit" name="username" value="${u.userPrincipalName}">${u.displayName}<br><span class="muted">${u.userPrincipalName}</span></button>`,
)}
</form>
<form method="post" action="${SIGN_IN_PATH}">
<input type="hidden" name="flow" value="${input.flowId}">
<label for="username">Or use another account</label>
<input id="username" name="username" type="email" autocomplete="username" required value="${input.loginHint ?? ''}" placeholder="Email, phone, or Skype">
<div class="actions"><button class="primary" type="submit">Next</button></div>
</form>`,
  );
}

export function passwordPage(input: { flowId: string; user: SeedUser; error?: string }): string {
  return page(
    'Enter password',
    html`<h1>Enter password</h1>
<p>${input.user.userPrincipalName}</p>
${input.error ? html`<p class="error" role="alert" id="password-error">${input.error}</p>` : ''}
<form method="post" action="${SIGN_IN_PATH}">
<input type="hidden" name="flow" value="${input.flowId}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${input.error ? html` aria-describedby="password-error"` : ''}>
<div class="actions"><button class="primary" type="submit">Sign in</button></div>
</form>`,
  );
}
