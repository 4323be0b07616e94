import type { Bilingual } from '../../../../shared/domain';

/**
 * What an audit entry is about, in both languages (the `entity` the desk writes beside each action,
 * grep `entity: '` in electron/core); an entity the desk does not know yet is shown as written.
 */
export const AUDIT_ENTITY_LABELS: Record<string, Bilingual> = {
  request: { ar: 'طلب', en: 'Request' },
  user: { ar: 'مستخدم', en: 'User' },
  refund: { ar: 'استرداد', en: 'Refund' },
  invoice: { ar: 'فاتورة', en: 'Invoice' },
  policy: { ar: 'نسخة السياسات', en: 'Policy version' },
  backup: { ar: 'نسخة احتياطية', en: 'Backup' },
  bundle: { ar: 'حزمة طلب', en: 'Bundle' },
  cpd_sample: { ar: 'عينة تدقيق التطوير المهني', en: 'CPD audit sample' },
  database: { ar: 'قاعدة البيانات', en: 'Database' },
  desk: { ar: 'المكتب', en: 'Desk' },
  outbox: { ar: 'رسالة صادرة', en: 'Outgoing message' },
  payment_import: { ar: 'ملف تسوية', en: 'Reconciliation file' },
  queue: { ar: 'قائمة عمل', en: 'Queue' },
  saved_view: { ar: 'عرض محفوظ', en: 'Saved view' },
  sign_in_source: { ar: 'مصدر دخول', en: 'Sign-in source' },
  signing_key: { ar: 'مفتاح التوقيع', en: 'Signing key' },
};

export const auditEntityLabel = (entity: string): Bilingual => AUDIT_ENTITY_LABELS[entity] ?? { ar: entity, en: entity };
