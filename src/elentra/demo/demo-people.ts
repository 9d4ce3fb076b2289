// The demo school's people, the single source for both the Elentra rows (demo-school.ts) and the Microsoft tenant
// seed (tenant-seed.ts), so the two always agree. Deterministic: the same names for every `now` (only graduation
// years and expiry dates move with it). Proxy ids are fixed so that tests and docs can name the awkward cases:
//   1 admin (medtech/admin) · 2–21 faculty · 22–23 coordinators · 101–175 Class of Y+2 · 176–250 Class of Y+3 ·
//   251–252 visiting students. The awkward cases are listed in AWKWARD below.
import { asciiSlug, FIRST_NAMES, LAST_NAMES } from './demo-names.js';
import { Prng } from './prng.js';
import { civilDate, civilDayIn } from './zoned-time.js';

export const DEMO_SCHOOL_NAME = 'Northfield School of Medicine';
export const DEMO_DOMAIN = 'northfield.example.edu';
export const DEMO_TIME_ZONE = 'America/Toronto';
/** Where learners' personal addresses live (a fictional mail provider; `example.com` is reserved for examples). */
export const PERSONAL_MAIL_DOMAIN = 'mailbox.example.com';
export const DEMO_SEED = 0x4e534d;

export type DemoRole = 'admin' | 'faculty' | 'staff' | 'learner';

export interface DemoPerson {
  proxyId: number;
  number: number;
  username: string;
  prefix: string;
  firstname: string;
  lastname: string;
  /** As Elentra has it ('' when missing). */
  email: string;
  emailAlt: string;
  role: DemoRole;
  gradYear: number | null;
  accountActive: boolean;
  /** Epoch seconds; 0 = never. */
  accessExpires: number;
  /** The person's `mail` in the Microsoft tenant; null = no Microsoft account. */
  microsoftMail: string | null;
  /** Why this person is in the demo, when it is to show an awkward case. */
  awkward: string | null;
}

/** The awkward cases, by proxy id: what the sync and the roster must cope with. */
export const AWKWARD: Readonly<Record<number, string>> = {
  103: 'no e-mail in Elentra (has a Microsoft account)',
  190: 'no e-mail in Elentra (has a Microsoft account)',
  110: 'e-mail in different letter case in Elentra (Microsoft has it in lower case)',
  205: 'e-mail in different letter case in Microsoft',
  130: 'e-mail not found in Microsoft 365',
  215: 'e-mail not found in Microsoft 365',
  140: 'personal e-mail in Elentra; found in Microsoft only through email_alt',
  180: "inactive Elentra account (user_access.account_active = 'false')",
  150: 'Elentra access expired',
  160: 'two roles: learner in the Class of Y+2 and teaching assistant (owner) of ANAT 110',
  170: 'on leave: cohort membership finished last month',
  185: 'withdrew: cohort membership inactive',
  5: 'course contact and direct audience of CLIN 220 (an owner only)',
  251: 'visiting student enrolled directly in CLIN 220',
  252: 'visiting student whose CLIN 220 rotation ended',
};

const DAY = 86_400;

/** Graduation years of the two cohorts: Year 2 (senior) and Year 1 (junior) of a four-year MD programme. */
export function demoCohortYears(now: Date): { senior: number; junior: number } {
  const { year, month } = civilDate(civilDayIn(DEMO_TIME_ZONE, now));
  const academicYearEnds = month >= 7 ? year + 1 : year;
  return { senior: academicYearEnds + 2, junior: academicYearEnds + 3 };
}

/** "Zoé Côté" → "Zoe.Cote": the same address as the school's, in another letter case. */
function capitalisedLocalPart(person: { firstname: string; lastname: string }): string {
  const capital = (name: string) => `${asciiSlug(name).charAt(0).toUpperCase()}${asciiSlug(name).slice(1)}`;
  return `${capital(person.firstname)}.${capital(person.lastname)}`;
}

export function buildDemoPeople(now: Date): DemoPerson[] {
  const prng = new Prng(DEMO_SEED);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const years = demoCohortYears(now);
  const usedNames = new Set<string>();
  const usedLocals = new Set<string>();
  const people: DemoPerson[] = [];

  const add = (proxyId: number, role: DemoRole, gradYear: number | null, fixed?: [string, string]) => {
    let first: string;
    let last: string;
    do {
      [first, last] = fixed ?? [prng.pick(FIRST_NAMES), prng.pick(LAST_NAMES)];
    } while (!fixed && usedNames.has(`${first} ${last}`));
    usedNames.add(`${first} ${last}`);
    const base = `${asciiSlug(first)}.${asciiSlug(last)}`;
    let local = base;
    for (let n = 2; usedLocals.has(local); n += 1) local = `${base}${n}`;
    usedLocals.add(local);
    const schoolMail = `${local}@${DEMO_DOMAIN}`;
    const username = role === 'learner' ? `${local.replace('.', '')}${(gradYear ?? 0) % 100}` : local;
    people.push({
      proxyId,
      number: role === 'learner' ? (gradYear ?? 0) * 10_000 + proxyId : 900_000 + proxyId,
      username,
      prefix: role === 'faculty' ? 'Dr.' : '',
      firstname: first,
      lastname: last,
      email: schoolMail,
      emailAlt: '',
      role,
      gradYear,
      accountActive: true,
      accessExpires: 0,
      microsoftMail: schoolMail,
      awkward: AWKWARD[proxyId] ?? null,
    });
  };

  add(1, 'admin', null, ['System', 'Administrator']);
  for (let id = 2; id <= 21; id += 1) add(id, 'faculty', null);
  add(22, 'staff', null);
  add(23, 'staff', null);
  for (let id = 101; id <= 175; id += 1) add(id, 'learner', years.senior);
  for (let id = 176; id <= 250; id += 1) add(id, 'learner', years.junior);
  add(251, 'learner', years.senior);
  add(252, 'learner', years.senior);

  const person = (id: number): DemoPerson => {
    const found = people.find((p) => p.proxyId === id);
    if (found === undefined) throw new Error(`demo person ${id} missing`);
    return found;
  };
  // The administrator who authorizes Microsoft is Elentra's user 1, as in the guide.
  Object.assign(person(1), {
    username: 'admin',
    email: `it.admin@${DEMO_DOMAIN}`,
    microsoftMail: `it.admin@${DEMO_DOMAIN}`,
  });
  for (const id of [103, 190]) person(id).email = '';
  person(110).email = `${capitalisedLocalPart(person(110))}@Northfield.example.edu`;
  person(205).microsoftMail = `${capitalisedLocalPart(person(205))}@${DEMO_DOMAIN}`;
  for (const id of [130, 215]) person(id).microsoftMail = null;
  const altOnly = person(140);
  altOnly.emailAlt = altOnly.email;
  altOnly.email = `${asciiSlug(altOnly.firstname)}${asciiSlug(altOnly.lastname)}@${PERSONAL_MAIL_DOMAIN}`;
  person(180).accountActive = false;
  person(150).accessExpires = nowSeconds - 30 * DAY;
  return people;
}
