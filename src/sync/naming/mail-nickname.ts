// The team's group `mailNickname`: deterministic, so that the sync can look a team up before creating it and adopt
// the one a lost response or a killed run left behind (GRAPH-FACTS §10: no lookup is how Moodle makes duplicates).
//
//   elentra-{siteId}-o{organisation}-c{course}-p{period}[-{course code slug}]
//
// The identity part (up to `-p{period}`) is unique per site (`siteId`: 6 hex digits of SHA-256 of ENTRADA_URL, so two
// Elentra installations sharing a tenant never collide), organisation and offering; the course-code slug only makes
// the group's address readable. A course code can change: the nickname used at creation is stored in `ms_teams`
// before the create request and is the one looked up from then on (planner: `stored.mailNickname` wins).
import { createHash } from 'node:crypto';
import { asciiSlug } from './ascii-slug.js';
import { MAX_MAIL_NICKNAME_LENGTH } from './limits.js';

export const MAIL_NICKNAME_PREFIX = 'elentra';
const SITE_ID_LENGTH = 6;
const IDENTITY = /^elentra-([0-9a-f]{6})-o(\d+)-c(\d+)-p(\d+)(?:-[a-z0-9-]+)?$/;

export interface NicknameIdentity {
  siteId: string;
  organisationId: number;
  courseId: number;
  periodId: number;
}

/** ENTRADA_URL → 6 hex digits. Scheme and host case and a trailing slash do not change it. */
export function siteIdOf(entradaUrl: string): string {
  const url = new URL(entradaUrl);
  const normalized = `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`.toLowerCase();
  return createHash('sha256').update(normalized).digest('hex').slice(0, SITE_ID_LENGTH);
}

export function nicknameIdentity(identity: NicknameIdentity): string {
  const { siteId, organisationId, courseId, periodId } = identity;
  return `${MAIL_NICKNAME_PREFIX}-${siteId}-o${organisationId}-c${courseId}-p${periodId}`;
}

/**
 * The nickname for an offering: its identity, then as much of the course-code slug as fits in 64 characters.
 *
 * @example mailNickname({ siteId: '3f9a2c', organisationId: 1, courseId: 12, periodId: 4 }, 'MÉD 101')
 * // 'elentra-3f9a2c-o1-c12-p4-med-101'
 */
export function mailNickname(identity: NicknameIdentity, courseCode: string): string {
  const base = nicknameIdentity(identity);
  const room = MAX_MAIL_NICKNAME_LENGTH - base.length - 1;
  const slug = room > 0 ? asciiSlug(courseCode, room) : '';
  return slug === '' ? base : `${base}-${slug}`;
}

/** The identity of one of our nicknames; null for any other (a team not made by this integration). */
export function parseMailNickname(nickname: string): NicknameIdentity | null {
  const match = IDENTITY.exec(nickname.toLowerCase());
  if (!match) return null;
  return {
    siteId: match[1] ?? '',
    organisationId: Number(match[2]),
    courseId: Number(match[3]),
    periodId: Number(match[4]),
  };
}
