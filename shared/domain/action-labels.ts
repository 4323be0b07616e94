import { TERMS } from './terms';
import type { Bilingual } from './terms';

/** Every step a request's history can show, in both languages (terms.json's actions first, then the desk's own). */
export const ACTION_LABELS: Record<string, Bilingual> = {
  submit: { ar: 'تقديم الطلب', en: 'Submitted' },
  claim: TERMS.actions.claim,
  release: TERMS.actions.release,
  return_to_applicant: TERMS.actions.return,
  resubmit: { ar: 'إعادة تقديم', en: 'Resubmitted' },
  expire_return: { ar: 'رفض لانقضاء مهلة الرد', en: 'Rejected: no response in time' },
  approve: TERMS.actions.approve,
  countersign: { ar: 'اعتماد ثانٍ', en: 'Countersigned' },
  send_back: { ar: 'إعادة إلى المراجع', en: 'Sent back to the reviewer' },
  request_payment: { ar: 'طلب سداد الرسوم', en: 'Payment requested' },
  record_payment: { ar: 'تسجيل السداد', en: 'Payment recorded' },
  issue_document: { ar: 'إصدار الوثيقة', en: 'Document issued' },
  no_fee: { ar: 'لا رسوم مستحقة', en: 'Nothing to pay' },
  expire_invoice: { ar: 'رفض لعدم السداد في المهلة', en: 'Rejected: not paid by the due date' },
  answer: TERMS.actions.answer,
  print_card: TERMS.actions.print_card,
  record_delivery: TERMS.actions.record_delivery,
  reject: TERMS.actions.reject,
  withdraw: { ar: 'سحب الطلب', en: 'Withdrawn' },
  reassign: TERMS.actions.reassign,
  reroute: TERMS.actions.reroute,
};

export const actionLabel = (action: string): Bilingual =>
  ACTION_LABELS[action] ?? { ar: action.replaceAll('_', ' '), en: action.replaceAll('_', ' ') };

/**
 * Every other entry the desk writes to the audit log (grep `action: '` in electron/core), as a
 * case's history and the audit trail show it; `request.<step>` entries are the steps above.
 */
export const AUDIT_ACTION_LABELS: Record<string, Bilingual> = {
  'request.imported': { ar: 'استيراد الطلب', en: 'Request imported' },
  'request.resubmitted_bundle': { ar: 'استيراد حزمة إعادة التقديم', en: 'Resubmission imported' },
  'intake.refused': { ar: 'رفض حزمة عند الاستيراد', en: 'Bundle refused at import' },
  'case.view': { ar: 'عرض الطلب', en: 'Request viewed' },
  'attachment.open': { ar: 'فتح مرفق', en: 'Attachment opened' },
  'document.open': { ar: 'فتح الوثيقة الصادرة', en: 'Issued document opened' },
  'note.add': { ar: 'إضافة ملاحظة', en: 'Note added' },
  'referral.ask': { ar: 'إحالة الطلب بسؤال إلى زميل', en: 'Referred with a question' },
  'referral.answer': { ar: 'الرد على سؤال الإحالة', en: 'Referral question answered' },
  'referral.withdraw': { ar: 'سحب سؤال الإحالة', en: 'Referral question withdrawn' },
  'referral.close': { ar: 'إغلاق سؤال الإحالة بخروج الطلب من المراجعة', en: 'Referral question closed: the request left review' },
  'report.case': { ar: 'إصدار تقرير الطلب', en: 'Case report produced' },
  'report.export': { ar: 'تصدير تقرير', en: 'Report exported' },
  'invoice.issue': { ar: 'إصدار الفاتورة', en: 'Invoice issued' },
  'payment.import': { ar: 'استيراد ملف التسوية', en: 'Reconciliation file imported' },
  'payment.assign': { ar: 'إسناد دفعة إلى الفاتورة', en: 'Payment assigned to the invoice' },
  'payment.record_manual': { ar: 'تسجيل تحويل بنكي', en: 'Bank transfer recorded' },
  'payment.confirm_manual': { ar: 'تأكيد تحويل بنكي', en: 'Bank transfer confirmed' },
  'payment.refuse_manual': { ar: 'رفض تحويل بنكي', en: 'Bank transfer refused' },
  'refund.surplus': { ar: 'مبلغ زائد مرشح للاسترداد', en: 'Surplus marked for refund' },
  'refund.surplus_after_settled': { ar: 'مبلغ زائد بعد صرف الاسترداد', en: 'Surplus after the refund was settled' },
  'refund.request': { ar: 'طلب استرداد الرسوم', en: 'Refund requested' },
  'refund.compute': { ar: 'حساب الاسترداد', en: 'Refund computed' },
  'refund.approve': { ar: 'اعتماد الاسترداد', en: 'Refund approved' },
  'refund.payout': { ar: 'صرف الاسترداد', en: 'Refund paid out' },
  'card.issue': { ar: 'إصدار رقم البطاقة', en: 'Card number issued' },
  'card.print': { ar: 'طباعة البطاقة', en: 'Card printed' },
  'card.reprint': { ar: 'إعادة طباعة البطاقة', en: 'Card reprinted' },
  'saved_view.share': { ar: 'مشاركة عرض محفوظ', en: 'Saved view shared' },
  'saved_view.change': { ar: 'تعديل عرض مشترك', en: 'Shared view changed' },
  'saved_view.remove': { ar: 'حذف عرض مشترك', en: 'Shared view deleted' },
  'user.create': { ar: 'إنشاء مستخدم', en: 'User created' },
  'user.update': { ar: 'تعديل بيانات مستخدم', en: 'User details changed' },
  'user.disable': { ar: 'تعطيل مستخدم', en: 'User disabled' },
  'user.enable': { ar: 'تفعيل مستخدم', en: 'User enabled' },
  'user.unlock': { ar: 'فك قفل مستخدم', en: 'User unlocked' },
  'user.reset_password': { ar: 'إعادة تعيين كلمة المرور', en: 'Password reset' },
  'user.change_roles': { ar: 'تغيير الصلاحيات', en: 'Roles changed' },
  'user.set_roles': { ar: 'تغيير الصلاحيات', en: 'Roles changed' },
  'role.grant': { ar: 'منح صلاحية', en: 'Role granted' },
  'role.grant_confirmed': { ar: 'تأكيد منح الصلاحية', en: 'Role grant confirmed' },
  'role.grant_refused': { ar: 'رفض منح الصلاحية', en: 'Role grant refused' },
  'auth.sign_in': { ar: 'تسجيل الدخول', en: 'Signed in' },
  'auth.sign_out': { ar: 'تسجيل الخروج', en: 'Signed out' },
  'auth.failed': { ar: 'محاولة دخول مرفوضة', en: 'Sign-in refused' },
  'auth.locked': { ar: 'قفل الحساب مؤقتاً', en: 'Account locked for a while' },
  'auth.source_locked': { ar: 'قفل مصدر الدخول مؤقتاً', en: 'Sign-in source locked for a while' },
  'auth.password_change_required': { ar: 'مطلوب اختيار كلمة مرور جديدة', en: 'New password required' },
  'auth.password_changed': { ar: 'تغيير كلمة المرور', en: 'Password changed' },
  'backup.run': { ar: 'نسخ احتياطي', en: 'Backup taken' },
  'policy.update': { ar: 'اقتراح نسخة جديدة للسياسات والرسوم', en: 'Policy version proposed' },
  'policy.activate': { ar: 'تفعيل نسخة السياسات (مشرف ثان)', en: 'Policy version activated (second admin)' },
  'policy.withdraw': { ar: 'سحب نسخة مقترحة للسياسات', en: 'Proposed policy version withdrawn' },
  'cpd.sample_draw': { ar: 'سحب عينة تدقيق التطوير المهني', en: 'CPD audit sample drawn' },
  'cpd.activity_decide': { ar: 'قرار في نشاط تطوير مهني', en: 'CPD activity decided' },
  'cpd.audit_complete': { ar: 'اكتمال تدقيق التطوير المهني', en: 'CPD audit completed' },
  'settings.database': { ar: 'تغيير قاعدة البيانات', en: 'Database setting changed' },
  'signing_key.register': { ar: 'تسجيل مفتاح التوقيع', en: 'Signing key registered' },
  'outbox.resend': { ar: 'إعادة إرسال رسالة', en: 'Message sent again' },
  'outbox.cancel': { ar: 'إلغاء رسالة', en: 'Message cancelled' },
  'delivery.settings': { ar: 'تغيير إعدادات الإرسال', en: 'Delivery settings changed' },
  'delivery.test': { ar: 'رسالة تجريبية عبر خادم البريد', en: 'Test message through the relay' },
  'demo.seed': { ar: 'تحميل البيانات التجريبية', en: 'Demo data loaded' },
};

/** An audit log entry's action in both languages; an action the desk does not know yet is shown as written. */
export function auditActionLabel(action: string): Bilingual {
  const known = AUDIT_ACTION_LABELS[action] ?? ACTION_LABELS[action.startsWith('request.') ? action.slice('request.'.length) : action];
  return known ?? { ar: action, en: action };
}
