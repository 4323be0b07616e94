/** The applicant's other requests (the case's tab 7): the same ID number, and look-alike names under another. */
export const APPLICANT_HISTORY_MESSAGES = {
  applicantTab: { ar: 'طلبات المتقدم', en: 'Applicant’s requests' },
  historySameId: { ar: 'طلبات برقم الهوية نفسه', en: 'Requests under the same ID number' },
  historyLookAlike: { ar: 'أسماء مشابهة برقم هوية آخر (قد يكون شخصاً آخر)', en: 'Names that look alike under another ID (may be another person)' },
  historyLookAlikeBadge: { ar: 'اسم مشابه', en: 'Look-alike name' },
  historyNoSameId: { ar: 'لا يوجد طلب آخر بهذا الرقم.', en: 'No other request under this ID number.' },
  historyNoLookAlike: { ar: 'لا يوجد اسم مشابه بهوية أخرى.', en: 'No look-alike name under another ID.' },
  historyLookAlikeWithheld: {
    ar: 'البحث بالأسماء المشابهة من فحوص السلامة، ولا يعرض لدورك.',
    en: 'Look-alike names are an integrity check your role does not see.',
  },
  historyMore: { ar: 'تعرض أحدث الطلبات فقط؛ توجد طلبات أخرى.', en: 'Only the newest are listed; there are more.' },
  historyOutcome: { ar: 'الحالة والنتيجة', en: 'Status and outcome' },
  historyDates: { ar: 'التواريخ', en: 'Dates' },
  historyDecided: { ar: 'تاريخ القرار', en: 'Decided' },
  outcome_approved: { ar: 'اعتمد', en: 'Approved' },
  outcome_rejected: { ar: 'رفض', en: 'Rejected' },
  outcome_answered: { ar: 'أجيب', en: 'Answered' },
  outcome_withdrawn: { ar: 'سحب', en: 'Withdrawn' },
  outcome_open: { ar: 'قيد الإجراء', en: 'Open' },
} as const;
