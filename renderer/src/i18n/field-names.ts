import type { Bilingual } from '../../../shared/domain';
import { MESSAGES } from './messages';

/**
 * Every argument the contract can refuse, by the name the main process gives it ("search",
 * "email.from", "roles.0"), worded in both languages. An error names the field with these words,
 * never with its key; field-names.test.ts walks the contract so a new argument cannot go unnamed.
 * Looked up by the whole path first ("email.from"), then by its last word ("from").
 */
export const FIELD_NAMES: Record<string, Bilingual> = {
  // Sign-in, users and roles
  username: MESSAGES.username,
  password: MESSAGES.password,
  currentPassword: { ar: 'كلمة المرور الحالية', en: 'Current password' },
  newPassword: { ar: 'كلمة المرور الجديدة', en: 'New password' },
  displayName: MESSAGES.displayName,
  roles: { ar: 'الأدوار', en: 'Roles' },
  userId: { ar: 'المستخدم', en: 'User' },
  grantId: { ar: 'منح الدور', en: 'Role grant' },
  loadDemo: { ar: 'البيانات التجريبية', en: 'Demo data' },
  // Queues, search and filters
  queue: { ar: 'القائمة', en: 'Queue' },
  sort: { ar: 'الترتيب', en: 'Order' },
  search: { ar: 'البحث', en: 'Search' },
  service: MESSAGES.service,
  services: { ar: 'الخدمات', en: 'Services' },
  status: MESSAGES.status,
  state: MESSAGES.status,
  stage: { ar: 'المرحلة', en: 'Stage' },
  nationality: MESSAGES.nationality,
  profession: MESSAGES.profession,
  category: MESSAGES.category,
  categories: { ar: 'الفئات', en: 'Categories' },
  assigneeId: MESSAGES.assignee,
  submittedFrom: { ar: 'تاريخ التقديم من', en: 'Submitted from' },
  submittedTo: { ar: 'تاريخ التقديم إلى', en: 'Submitted to' },
  from: MESSAGES.from,
  to: MESSAGES.to,
  offset: { ar: 'موضع الصفحة', en: 'Page position' },
  limit: { ar: 'عدد الصفوف', en: 'Number of rows' },
  actorId: { ar: 'المستخدم', en: 'User' },
  action: { ar: 'الإجراء', en: 'Action' },
  before: { ar: 'موضع الصفحة في السجل', en: 'Position in the log' },
  // A case and its decisions
  id: { ar: 'رقم السجل', en: 'Record number' },
  requestId: { ar: 'الطلب', en: 'Request' },
  requestIds: { ar: 'الطلبات', en: 'Requests' },
  // Referrals: a question to a colleague and its answer
  referralId: { ar: 'السؤال', en: 'Question' },
  addressee: { ar: 'الموجه إليه السؤال', en: 'Asked of' },
  question: { ar: 'السؤال', en: 'Question' },
  answer: { ar: 'الرد', en: 'Answer' },
  reference: MESSAGES.reference,
  version: { ar: 'نسخة السجل', en: 'Record version' },
  basedOnVersion: { ar: 'الإصدار الذي بني عليه', en: 'Version it is based on' },
  kind: { ar: 'النوع', en: 'Kind' },
  text: MESSAGES.noteText,
  note: { ar: 'الملاحظة', en: 'Note' },
  message: { ar: 'الرسالة إلى الممارس', en: 'Message to the applicant' },
  reason: MESSAGES.reason,
  justification: { ar: 'المبرر', en: 'Justification' },
  override: { ar: 'التجاوز', en: 'Override' },
  attachmentId: { ar: 'المرفق', en: 'Attachment' },
  lang: { ar: 'اللغة', en: 'Language' },
  copy: { ar: 'النسخة', en: 'Copy' },
  format: { ar: 'صيغة الملف', en: 'File format' },
  jobId: { ar: 'عملية التصدير', en: 'Export' },
  // Cards and delivery
  layout: { ar: 'تخطيط الطباعة', en: 'Print layout' },
  reprintReason: { ar: 'سبب إعادة الطباعة', en: 'Reason for the reprint' },
  delivery: { ar: 'التسليم', en: 'Delivery' },
  method: { ar: 'طريقة التسليم', en: 'Delivery method' },
  trackingNumber: { ar: 'رقم التتبع', en: 'Tracking number' },
  branch: { ar: 'الفرع', en: 'Branch' },
  receiverName: { ar: 'اسم المستلم', en: "Receiver's name" },
  payload: { ar: 'محتوى رمز التحقق', en: 'Code content' },
  // Money
  invoiceId: MESSAGES.finInvoice,
  invoiceNumber: MESSAGES.finInvoiceNumber,
  amountHalalas: MESSAGES.finAmount,
  paidOn: MESSAGES.finPaidOn,
  transferReference: MESSAGES.finTransferReference,
  proof: MESSAGES.finProof,
  proofAttachmentId: MESSAGES.finProof,
  paymentId: { ar: 'الدفعة', en: 'Payment' },
  unmatchedId: { ar: 'الدفعة غير المطابقة', en: 'Unmatched payment' },
  refundId: { ar: 'الاسترداد', en: 'Refund' },
  requestedAt: { ar: 'تاريخ طلب الاسترداد', en: 'Refund requested on' },
  grounds: { ar: 'مسوغات الاسترداد', en: 'Grounds for the refund' },
  by: { ar: 'المتسبب', en: 'Caused by' },
  items: { ar: 'البنود', en: 'Items' },
  // Saved queue views
  view: { ar: 'العرض المحفوظ', en: 'Saved view' },
  sharedWith: { ar: 'مشارك مع', en: 'Shared with' },
  // Two requests compared side by side
  a: { ar: 'الطلب الأول', en: 'First request' },
  b: { ar: 'الطلب الثاني', en: 'Second request' },
  // Files and import
  name: { ar: 'اسم الملف', en: 'File name' },
  fileName: { ar: 'اسم الملف', en: 'File name' },
  data: { ar: 'محتوى الملف', en: 'File content' },
  content: { ar: 'محتوى الملف', en: 'File content' },
  // Settings: database and delivery
  address: { ar: 'عنوان قاعدة البيانات', en: 'Database address' },
  email: { ar: 'إعدادات البريد', en: 'E-mail settings' },
  'email.host': MESSAGES.smtpHost,
  'email.port': MESSAGES.smtpPort,
  'email.security': MESSAGES.smtpSecurity,
  'email.user': MESSAGES.smtpUser,
  'email.from': MESSAGES.smtpFrom,
  'email.password': MESSAGES.smtpPassword,
  sms: { ar: 'إعدادات الرسائل النصية', en: 'Text message settings' },
  'sms.url': MESSAGES.smsUrl,
  'sms.key': MESSAGES.smsKey,
  'sms.sender': MESSAGES.smsSender,
  host: { ar: 'الخادم', en: 'Server' },
  port: { ar: 'المنفذ', en: 'Port' },
  security: { ar: 'التشفير', en: 'Encryption' },
  user: { ar: 'المستخدم', en: 'User' },
  sender: { ar: 'المرسل', en: 'Sender' },
  url: { ar: 'العنوان', en: 'Address' },
  key: { ar: 'المفتاح', en: 'Key' },
  maxAttempts: MESSAGES.maxAttempts,
  // Policy
  policy: MESSAGES.policy,
  sample: MESSAGES.polSample,
  fees: MESSAGES.polFees,
  administrative: MESSAGES.polAdministrative,
  latePerMonth: MESSAGES.polLatePerMonth,
  'fees.service': MESSAGES.polServiceFee,
  feeExemptions: MESSAGES.polExemptions,
  labelAr: MESSAGES.polExemptionLabelAr,
  labelEn: MESSAGES.polExemptionLabelEn,
  employerTypes: MESSAGES.polExemptEmployerTypes,
  fourEyesServices: MESSAGES.polFourEyes,
  cpdHours: MESSAGES.polCpdHours,
  paymentWindowDays: MESSAGES.polPaymentWindow,
  returnWindowDays: MESSAGES.polReturnWindow,
  slaWorkingDays: MESSAGES.polSla,
  sla: MESSAGES.polSlaTitle,
  workingDays: MESSAGES.polSlaTitle,
  holidays: MESSAGES.polHolidays,
  nameAr: MESSAGES.polHolidayNameAr,
  nameEn: MESSAGES.polHolidayNameEn,
  refundWindowMonths: MESSAGES.polRefundWindow,
  refundSubmissionWindowMonths: MESSAGES.polRefundSubmissionWindow,
  generalRefundRate: MESSAGES.polGeneralRefundRate,
  renewalWindowMonths: MESSAGES.polRenewalWindow,
  employerLetterMaxAgeMonths: { ar: 'أقصى عمر لخطاب جهة العمل', en: 'Oldest employer letter accepted' },
  medicalReportAge: MESSAGES.polMedicalReportAge,
  cardValidityYears: MESSAGES.polCardValidity,
  maxAttachmentBytes: MESSAGES.polMaxAttachment,
  sessionIdleMinutes: MESSAGES.polSessionIdle,
  backupIntervalHours: MESSAGES.polBackupInterval,
  backupKeep: MESSAGES.polBackupKeep,
  duplicateBirthToleranceYears: MESSAGES.polDuplicateBirthTolerance,
  cpdAudit: { ar: 'تدقيق التطوير المهني', en: 'CPD audit' },
  periodMonths: { ar: 'فترة السحب بالأشهر', en: 'Sampling period in months' },
  samplePercent: { ar: 'نسبة العينة', en: 'Sample share' },
  crammingWeeks: { ar: 'الأسابيع الأخيرة قبل الانتهاء', en: 'Last weeks before expiry' },
  crammingShare: { ar: 'حصة الساعات في الأسابيع الأخيرة', en: 'Share of hours in the last weeks' },
  crammingMinHours: { ar: 'أدنى ساعات في الأسابيع الأخيرة', en: 'Fewest hours in the last weeks' },
  recognisedProviders: { ar: 'الجهات المعتمدة للتطوير المهني', en: 'Recognised CPD providers' },
  maxHoursPerDay: { ar: 'أقصى ساعات في اليوم لكل نوع نشاط', en: 'Most hours a day per activity kind' },
  otherKindMaxHoursPerDay: { ar: 'أقصى ساعات في اليوم لبقية الأنواع', en: 'Most hours a day for other kinds' },
  employerLetterDateToleranceDays: { ar: 'تسامح تاريخ خطاب جهة العمل بالأيام', en: 'Employer letter date tolerance (days)' },
  // The CPD audit
  show: { ar: 'العرض', en: 'Show' },
  month: { ar: 'الشهر', en: 'Month' },
  seed: { ar: 'بذرة السحب العشوائي', en: 'Random draw seed' },
  activityId: { ar: 'النشاط', en: 'Activity' },
  decision: { ar: 'القرار', en: 'Decision' },
};

/**
 * The words for a field path, or null when the desk has none (the message then goes without a name
 * rather than with a key). "roles.0" is "roles"; "fees.RENEWAL.service" finds "service".
 */
export function fieldName(path: string, extra?: Record<string, Bilingual>): Bilingual | null {
  const words = path.split('.').filter((w) => w !== '' && !/^\d+$/.test(w));
  const whole = words.join('.');
  for (const table of extra ? [extra, FIELD_NAMES] : [FIELD_NAMES]) {
    const own = (k: string) => (Object.prototype.hasOwnProperty.call(table, k) ? table[k] : undefined);
    const found =
      own(path) ?? own(whole) ?? (words.length > 1 ? own(`${words[0]}.${words[words.length - 1]}`) : undefined) ?? own(words[words.length - 1] ?? '');
    if (found) return found;
  }
  return null;
}
