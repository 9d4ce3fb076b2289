// Enrolment changes in the demo's Elentra tables, as an administrator would make them in Elentra: learners added to
// a course's audience, taken out of its course-list group, or made a course contact (a teacher: a team owner).
import type { ElentraHandle } from '../../src/elentra/open-elentra.js';

/** The demo's ELEC 250 course and its course-list group (src/elentra/demo/demo-school.ts). */
export const ELECTIVE_COURSE_ID = 9;
export const ELECTIVE_GROUP_ID = 3;

export async function enrolLearners(elentra: ElentraHandle, courseId: number, periodId: number, proxyIds: number[]) {
  for (const proxyId of proxyIds) {
    await elentra.db
      .insertInto('course_audience')
      .values({
        course_id: courseId,
        cperiod_id: periodId,
        audience_type: 'proxy_id',
        audience_value: proxyId,
        enroll_start: 0,
        enroll_finish: 0,
        audience_active: 1,
      })
      .execute();
  }
}

export async function leaveGroup(elentra: ElentraHandle, groupId: number, proxyIds: number[]) {
  if (proxyIds.length === 0) return;
  await elentra.db
    .updateTable('group_members')
    .set({ member_active: 0 })
    .where('group_id', '=', groupId)
    .where('proxy_id', 'in', proxyIds)
    .execute();
}

export async function makeContact(elentra: ElentraHandle, courseId: number, proxyId: number, contactType = 'ta') {
  await elentra.db
    .insertInto('course_contacts')
    .values({ course_id: courseId, proxy_id: proxyId, contact_type: contactType })
    .execute();
}
