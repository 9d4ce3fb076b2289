// The "Sorry, but we're having trouble signing you in" page Microsoft shows when it cannot safely redirect back to
// the app (unknown client id, unregistered redirect URI). The AADSTS line is what a person searches for.
import { html, page } from '../../html.js';

export function errorPage(aadstsLine: string, requestId: string, timestamp: string): string {
  return page(
    'Sign in to your account',
    html`<h1>Sign in</h1>
<p role="alert">Sorry, but we're having trouble signing you in.</p>
<p class="error" id="aadsts">${aadstsLine}</p>
<h2 class="muted">Troubleshooting details</h2>
<p class="muted">Request Id: ${requestId}<br>Timestamp: ${timestamp}</p>`,
  );
}
