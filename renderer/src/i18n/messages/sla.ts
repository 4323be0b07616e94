/** Wording of the service levels (#17): due days on rows and cases, the escalation list, the policy's SLA tables. */
export const SLA_MESSAGES = {
  slaDue: { ar: 'الاستحقاق', en: 'Due' },
  /** {n}: a counted "working days" (countText). */
  slaDueIn: { ar: 'متبقٍ: {n}', en: 'due in {n}' },
  slaDueToday: { ar: 'مستحق اليوم', en: 'due today' },
  slaOverdue: { ar: 'متأخر: {n}', en: 'overdue by {n}' },
  slaPaused: { ar: 'متوقف: لدى الممارس', en: 'paused: with the applicant' },
  slaDueOn: { ar: 'موعد الإنجاز {date}', en: 'due on {date}' },
  sort_due: { ar: 'المتأخر أولاً', en: 'Overdue first' },
  escalations: { ar: 'المتأخرات والتصعيد', en: 'Escalations' },
  escalationsHelp: {
    ar: 'الطلبات التي تجاوزت موعد إنجازها أو يحل موعدها اليوم، مجمّعة حسب المكلّف بها. أيام العمل من الأحد إلى الخميس عدا الإجازات الرسمية في السياسة.',
    en: 'Requests past their due day or due today, grouped by who holds them. Working days are Sunday to Thursday, less the public holidays in the policy.',
  },
  escalationsOverdue: { ar: 'متأخرة', en: 'Overdue' },
  escalationsDueToday: { ar: 'مستحقة اليوم', en: 'Due today' },
  escalationsNone: { ar: 'لا طلبات متأخرة ولا مستحقة اليوم.', en: 'Nothing overdue or due today.' },
  escalationsUnclaimed: { ar: 'لم يستلمها أحد', en: 'Not claimed by anyone' },
  escalationsShown: { ar: 'يُعرض أول {shown} من {total}', en: 'Showing the first {shown} of {total}' },
  polSlaTitle: { ar: 'مدد الإنجاز والإجازات الرسمية', en: 'Service levels and public holidays' },
  polSlaHelp: {
    ar: 'أيام العمل المتاحة للبت في كل خدمة (الأحد إلى الخميس)؛ الخدمة غير المذكورة تأخذ المدة العامة أعلاه. لا تُحسب الأيام التي يكون فيها الطلب لدى الممارس.',
    en: 'Working days (Sunday to Thursday) to decide each service; a service left empty takes the general target above. Days the request is with the applicant do not count.',
  },
  polHolidays: { ar: 'الإجازات الرسمية', en: 'Public holidays' },
  polHolidaysHelp: {
    ar: 'أيام لا تُحسب من مدة الإنجاز. تواريخ العيدين تقديرية حسب تقويم أم القرى، وتعدّلها الهيئة عند إعلانها.',
    en: 'Days that do not count towards a due day. The Eid dates are estimates from the Umm al-Qura calendar, for the commission to set when announced.',
  },
  polHolidayFrom: { ar: 'من', en: 'From' },
  polHolidayTo: { ar: 'إلى', en: 'To' },
  polHolidayNameAr: { ar: 'الاسم بالعربية', en: 'Name in Arabic' },
  polHolidayNameEn: { ar: 'الاسم بالإنجليزية', en: 'Name in English' },
  polAddHoliday: { ar: 'إضافة إجازة', en: 'Add a holiday' },
  polRemoveHoliday: { ar: 'حذف الإجازة', en: 'Remove the holiday' },
} as const;
