// The tenant viewer, `GET /_emulator/`: one HTML page showing the tenant, its users and apps, every team with its
// owners, members and calendar (meeting links clickable), and groups that have no team yet, so that a person running
// the demo sees what the product did. Everything from the tenant or Graph state is escaped (../html.ts); only http(s)
// join links become links. Graph's state comes from getGraphState (../graph/index.ts).
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext, TenantState } from '../context.js';
import type { EventSnapshot, GraphStateSnapshot, MemberSnapshot } from '../graph/index.js';
import { html, page, type SafeHtml } from '../html.js';

interface Container {
  id: string;
  displayName: string;
  description: string | null;
  mailNickname: string;
  members: MemberSnapshot[];
  events: EventSnapshot[];
}

function people(list: MemberSnapshot[]): SafeHtml {
  if (list.length === 0) return html`<p><em>none</em></p>`;
  return html`<ul>${list.map((m) => html`<li>${m.displayName ?? m.userId}${m.email ? ` <${m.email}>` : ''}</li>`)}</ul>`;
}

function calendar(events: EventSnapshot[]): SafeHtml {
  if (events.length === 0) return html`<p><em>No events.</em></p>`;
  const rows = events.map((e) => {
    const joinUrl = e.onlineMeeting?.joinUrl;
    const meeting =
      joinUrl && /^https?:\/\//i.test(joinUrl)
        ? html`<a href="${joinUrl}">Join</a>`
        : e.isOnlineMeeting
          ? 'online, no link'
          : '—';
    return html`<tr><td>${e.subject}</td><td>${e.start}</td><td>${e.end}</td><td>${e.originalStartTimeZone}</td><td>${meeting}</td></tr>`;
  });
  return html`<table><thead><tr><th scope="col">Subject</th><th scope="col">Start (UTC)</th><th scope="col">End (UTC)</th><th scope="col">Time zone</th><th scope="col">Teams meeting</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function section(c: Container, note: string): SafeHtml {
  const owners = c.members.filter((m) => m.roles.includes('owner'));
  const others = c.members.filter((m) => !m.roles.includes('owner'));
  return html`<section aria-labelledby="g-${c.id}">
<h3 id="g-${c.id}">${c.displayName}${note}</h3>
<p class="muted">${c.description ?? ''} · mailNickname ${c.mailNickname} · id ${c.id}</p>
<h4>Owners (${owners.length})</h4>${people(owners)}
<h4>Members (${others.length})</h4>${people(others)}
<h4>Calendar (${c.events.length})</h4>${calendar(c.events)}
</section>`;
}

function tenantTables(tenant: TenantState): SafeHtml {
  return html`<h2>Users (${tenant.users.length})</h2>
<table><thead><tr><th scope="col">Name</th><th scope="col">User principal name</th><th scope="col">Mail</th><th scope="col">Id</th></tr></thead><tbody>
${tenant.users.map((u) => html`<tr><td>${u.displayName}${u.isAdmin ? ' (admin)' : ''}</td><td>${u.userPrincipalName}</td><td>${u.mail ?? '—'}</td><td>${u.id}</td></tr>`)}
</tbody></table>
<h2>Apps (${tenant.apps.length})</h2>
<table><thead><tr><th scope="col">Name</th><th scope="col">Client id</th><th scope="col">Redirect URIs</th><th scope="col">Admin-consented scopes</th><th scope="col">Secrets expire</th></tr></thead><tbody>
${tenant.apps.map(
  (a) =>
    html`<tr><td>${a.displayName}</td><td>${a.clientId}</td><td>${a.redirectUris.join(' ')}</td><td>${a.adminConsentedScopes.join(' ')}</td><td>${a.secrets.map((s) => s.expiresAt).join(', ')}</td></tr>`,
)}
</tbody></table>`;
}

export function renderViewer(ctx: EmulatorContext, graph: GraphStateSnapshot | undefined): string {
  const tenant = ctx.tenant;
  let teams: SafeHtml;
  if (!graph) teams = html`<p><em>Graph state is not available.</em></p>`;
  else if (graph.teams.length === 0) teams = html`<p><em>No teams yet.</em></p>`;
  else teams = html`${graph.teams.map((t) => section(t, t.archived ? ' (archived)' : ''))}`;
  const groups = graph?.groups.length
    ? html`<h2>Groups without a team (${graph.groups.length})</h2>${graph.groups.map((g) => section(g, g.team === 'provisioning' ? ' (team being created)' : ''))}`
    : '';
  return page(
    `${tenant.displayName} — emulated tenant`,
    html`<h1>${tenant.displayName}</h1>
<p class="muted">Tenant ${tenant.tenantId} · ${tenant.domain}${tenant.education ? ' · education' : ''} · <a href="/_emulator/state">state JSON</a> · <a href="/_emulator/requests">request log</a></p>
<h2>Teams${graph ? ` (${graph.teams.length})` : ''}</h2>
${teams}
${groups}
${tenantTables(tenant)}`,
    { wide: true },
  );
}

export function registerViewerRoute(
  app: FastifyInstance,
  ctx: EmulatorContext,
  graphState: (ctx: EmulatorContext) => GraphStateSnapshot | undefined,
): void {
  app.get('/_emulator', async (_req, reply) => reply.redirect('/_emulator/', 302));
  app.get('/_emulator/', async (_req, reply) =>
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(renderViewer(ctx, graphState(ctx))),
  );
}
