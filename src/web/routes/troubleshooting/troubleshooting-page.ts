// GET /admin/troubleshooting (administrators): the doctor's checks (src/doctor/), the same as `microsoft:doctor`, with
// a status badge, the detail and the fix in words, the section of docs/troubleshooting.md to read, and that
// section's Fix quoted from the guide. Running it makes one real token refresh and one `GET /me`, as the CLI does.
import type { FastifyInstance } from 'fastify';
import { type CheckResult, docsLink, runDoctor, wireDoctorIo } from '../../../doctor/index.js';
import { TROUBLESHOOTING_PATH } from '../../menu/profile-menu.js';
import { requireAdmin } from '../../security/guards.js';
import type { WebContext } from '../../web-context.js';
import { type GuideSegment, guideFixes } from './guide-sections.js';

const BADGES: Record<CheckResult['status'], { label: string; tone: string }> = {
  pass: { label: 'Pass', tone: 'ok' },
  warn: { label: 'Warning', tone: 'warning' },
  fail: { label: 'Failed', tone: 'error' },
  skip: { label: 'Skipped', tone: 'muted' },
};

export interface CheckView {
  id: string;
  title: string;
  badge: { label: string; tone: string };
  detail: string;
  fix: string | null;
  link: string;
  /** The guide's Fix for the section, when the check did not pass and the guide was found. */
  guide: GuideSegment[][] | null;
}

export function checkView(result: CheckResult): CheckView {
  const needsFix = result.status === 'fail' || result.status === 'warn';
  return {
    id: result.id,
    title: result.title,
    badge: BADGES[result.status],
    detail: result.detail,
    fix: result.fix ?? null,
    link: docsLink(result.docs),
    guide: needsFix ? (guideFixes().get(result.docs) ?? null) : null,
  };
}

export function registerTroubleshootingRoute(app: FastifyInstance, ctx: WebContext): void {
  app.get(TROUBLESHOOTING_PATH, { preHandler: requireAdmin(ctx) }, async (request, reply) => {
    const io = wireDoctorIo({
      config: ctx.config,
      database: ctx.database,
      elentra: ctx.elentra,
      organisationId: ctx.organisationId,
      identity: ctx.identity,
      now: ctx.now,
      graphTimeoutMs: ctx.graphTimeoutMs,
    });
    const results = await runDoctor({ config: { ok: true, config: ctx.config }, io });
    const count = (status: CheckResult['status']) => results.filter((result) => result.status === status).length;
    return ctx.pages.send(request, reply, 'troubleshooting', {
      title: 'Troubleshooting',
      checks: results.map(checkView),
      counts: { pass: count('pass'), warn: count('warn'), fail: count('fail'), skip: count('skip') },
      checkedAt: new Date(ctx.now()).toISOString(),
    });
  });
}
