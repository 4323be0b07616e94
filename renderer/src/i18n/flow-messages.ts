/** Wording of the decision flow (#17): confirmations, the move to the next request, the setting that governs it. */
export const FLOW_MESSAGES = {
  doneReturned: { ar: 'أعيد الطلب {reference} إلى الممارس', en: 'Returned {reference} to the applicant' },
  doneApproved: { ar: 'اعتُمد الطلب {reference}', en: 'Approved {reference}' },
  doneSentToSecond: { ar: 'اعتُمد الطلب {reference} وأُحيل للاعتماد الثاني', en: 'Approved {reference}; it waits for the second signature' },
  doneCountersigned: { ar: 'اعتُمد الطلب {reference} اعتماداً ثانياً', en: 'Countersigned {reference}' },
  doneRejected: { ar: 'رُفض الطلب {reference}', en: 'Rejected {reference}' },
  doneAnswered: { ar: 'أُرسل الرد على {reference} وأُغلق الطلب', en: 'Answered and closed {reference}' },
  doneReleased: { ar: 'أعيد الطلب {reference} إلى قائمة العمل', en: 'Put {reference} back in the queue' },
  openedNext: { ar: 'فُتح الطلب التالي: {reference}', en: 'Opened the next request: {reference}' },
  queueDone: { ar: 'لا طلبات أخرى في قائمة «{queue}»؛ عدت إلى القائمة.', en: 'No more requests in “{queue}”; back to the queue.' },
  openNextSetting: { ar: 'بعد القرار، افتح الطلب التالي', en: 'After a decision, open the next request' },
  nextCase: { ar: 'الطلب التالي', en: 'Next request' },
  backTo: { ar: 'رجوع إلى «{queue}»', en: 'Back to “{queue}”' },
  kSend: { ar: 'إرسال النموذج المفتوح (الإعادة، الرفض، الرد)', en: 'Send the open form (return, reject, answer)' },
  kNextCase: { ar: 'الطلب التالي من القائمة (استلامه في «جديد» و«معاد تقديمها»)', en: 'Next request of the queue (claimed in New and Resubmitted)' },
  close: { ar: 'إغلاق', en: 'Close' },
} as const;
