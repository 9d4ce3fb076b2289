// The "Permissions requested" page with Accept and Cancel. It lists every requested permission and says which need
// an administrator (GRAPH-FACTS §1) and whether the tenant has already granted them.
import type { SeedApp, SeedUser } from '../../context.js';
import { html, page } from '../../html.js';
import { scopeInfo } from '../../tenant/scopes.js';

export const CONSENT_PATH = '/common/Consent/Set';

export function consentPage(input: { flowId: string; app: SeedApp; user: SeedUser; scopes: string[] }): string {
  const items = input.scopes.map((scope) => {
    const info = scopeInfo(scope);
    const note = !info?.adminConsentRequired
      ? ''
      : input.app.adminConsentedScopes.includes(scope)
        ? ' — admin consent granted for your organization'
        : ' — requires admin approval; as an administrator you consent for your whole organization';
    return html`<li><strong>${info?.description ?? scope}</strong> <span class="muted">(${scope})${note}</span></li>`;
  });
  return page(
    'Permissions requested',
    html`<p class="muted">${input.user.userPrincipalName}</p>
<h1>Permissions requested</h1>
<p><strong>${input.app.displayName}</strong> <span class="muted">unverified</span></p>
<p id="perms-label">This app would like to:</p>
<ul class="perms" aria-labelledby="perms-label">${items}</ul>
<p class="muted">Accepting these permissions means that you allow this app to use your data as specified in their terms of service and privacy statement. You can change these permissions at https://myapps.microsoft.com.</p>
<form method="post" action="${CONSENT_PATH}">
<input type="hidden" name="flow" value="${input.flowId}">
<div class="actions">
<button class="secondary" type="submit" name="action" value="cancel">Cancel</button>
<button class="primary" type="submit" name="action" value="accept">Accept</button>
</div>
</form>`,
  );
}
