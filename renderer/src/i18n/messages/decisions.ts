/** Decisions on a request (#17): what each one does, said before it is confirmed; the result said after, and the move to the next request. */
export const DECISION_MESSAGES = {
  countersign: { ar: 'الاعتماد الثاني', en: 'Second signature' },
  returnConfirm: {
    ar: 'سيعاد الطلب للممارس مع الملاحظات الموجهة له، وتبدأ مهلة الرد. سيرسل له بريد بذلك.',
    en: 'The request goes back to the applicant with the notes to them, and the response window starts. They will be e-mailed.',
  },
  approveConfirm: {
    ar: 'سيعتمد الطلب (أو يحال للاعتماد الثاني إن كانت الخدمة تتطلبه). إن كانت عليه رسوم تصدر فاتورته برقم سداد وينتظر السداد، وإلا يمضي مباشرة إلى الطباعة أو إصدار الوثيقة. ويبلغ الممارس بالبريد.',
    en: 'The request will be approved (or go to a second signer where the service needs one). With a fee, its invoice is issued with a SADAD bill number and it waits for payment; with nothing to pay it goes straight on to printing or its document. The applicant is e-mailed.',
  },
  answerConfirm: {
    ar: 'سيرسل ردك إلى الممارس بالبريد ويحفظ ملاحظة له، ويغلق الطلب.',
    en: 'Your answer is e-mailed to the applicant and kept as a note to them, and the request is closed.',
  },
  answerText: { ar: 'الرد على الممارس', en: 'Answer to the applicant' },
  answerHelp: {
    ar: 'اكتب الرد كما سيقرؤه الممارس؛ لا يعدل بعد الإرسال.',
    en: 'Write the answer as the applicant will read it; it cannot be edited once sent.',
  },
  rejectConfirm: {
    ar: 'سيرفض الطلب ويبلغ الممارس بالسبب والتوضيح.',
    en: 'The request will be rejected and the applicant told the reason and explanation.',
  },
  rerouteConfirm: {
    ar: 'يحول الطلب إلى الخدمة المختارة وتستمر دراسته، ويبلغ الممارس بالتحويل.',
    en: 'The request moves to the chosen service and its review goes on; the applicant is told.',
  },
  reassignConfirm: {
    ar: 'يسند الطلب إلى المستخدم المختار (أو يعاد إلى القائمة).',
    en: 'The request goes to the chosen user (or back to the queue).',
  },
  backToQueue: { ar: 'إعادة إلى القائمة (بلا مستلم)', en: 'Back to the queue (nobody)' },
  messageToApplicant: { ar: 'الرسالة إلى الممارس', en: 'Message to the applicant' },
  messageToApplicantHelp: {
    ar: 'معبأة مسبقاً من الشروط غير المستوفاة؛ عدّلها كما تشاء. تحفظ كملاحظة للممارس.',
    en: 'Pre-filled from the failed checks; edit as needed. It is saved as a note to the applicant.',
  },
  overrideHelp: {
    ar: 'سبب التجاوز (10 أحرف على الأقل)، يسجل مع رقم السياسة',
    en: 'Why the check is overridden (at least 10 characters); recorded with the policy version',
  },
  overrideNeedsApprover: {
    ar: 'الاعتماد مع شروط غير مستوفاة يحتاج معتمداً يتجاوزها مع التسبيب.',
    en: 'Approving with failed checks needs an approver to override them with a justification.',
  },
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
