/** The case view cut to what the caller's roles see (auth/visibility.ts): the one place it is done. */
import type { Applicant, CaseDetail, CaseFacet, UserInfo } from '../../../shared/domain';
import { visibilityOf } from '../auth/visibility';

const withoutContact = (a: Applicant): Applicant => ({ ...a, email: '', mobile: '' });

export function caseAsSeenBy(detail: CaseDetail, viewer: Pick<UserInfo, 'roles'>): CaseDetail {
  const v = visibilityOf(viewer);
  const withheld: CaseFacet[] = [];
  let c: CaseDetail = { ...detail };
  if (!v.contact) {
    withheld.push('contact');
    c = { ...c, applicant: withoutContact(c.applicant), record: c.record && withoutContact(c.record) };
  }
  if (!v.internalNotes) {
    withheld.push('internal_notes');
    c = { ...c, notes: c.notes.filter((n) => n.kind !== 'internal') };
  }
  if (!v.applicantNotes) {
    withheld.push('applicant_notes');
    c = { ...c, notes: c.notes.filter((n) => n.kind === 'internal') };
  }
  if (!v.historyDetails) {
    withheld.push('history_details');
    c = { ...c, history: c.history.map((h) => ({ ...h, actor: null, reason: null, reasonCode: null })) };
  }
  if (!v.audit) {
    withheld.push('audit');
    c = { ...c, audit: [] };
  }
  if (!v.application) {
    withheld.push('application');
    c = {
      ...c,
      employer: { type: null, facility: null },
      internshipCompleted: null,
      cpd: { recordedHours: 0, activities: [] },
      questionnaire: [],
      experiences: [],
      checks: [],
      overrides: [],
    };
  }
  if (v.attachments !== 'all') {
    withheld.push('attachments');
    c = { ...c, attachments: c.attachments.filter((a) => a.kind === 'photo') };
  }
  if (c.resubmission) {
    const notes = new Set(c.notes.map((n) => n.id));
    const files = new Set(c.attachments.map((a) => a.id));
    c = {
      ...c,
      resubmission: {
        ...c.resubmission,
        changedFields: v.contact ? c.resubmission.changedFields : c.resubmission.changedFields.filter((f) => f !== 'email' && f !== 'mobile'),
        newNoteIds: c.resubmission.newNoteIds.filter((id) => notes.has(id)),
        newAttachmentIds: c.resubmission.newAttachmentIds.filter((id) => files.has(id)),
      },
    };
  }
  return withheld.length ? { ...c, withheld } : c;
}
