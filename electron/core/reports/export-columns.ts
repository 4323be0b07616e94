import { SERVICE_LABELS, TERMS, categoryLabel, professionLabel, specialtyLabel, type Role, type Service, type Status } from '../../../shared/domain';
import { hijriDay } from '../time/hijri';
import { riyadhDate } from '../time/riyadh-day';
import { workingDaysBetween } from '../time/working-days';
// Who sees the applicant's contact details is decided once, for every method, in auth/visibility.ts.
import { CONTACT_ROLES } from '../auth/visibility';

/** One exported request, as the queue query reads it. */
export interface ExportSource {
  reference: string;
  service: Service;
  status: Status;
  submitted_at: string;
  return_due_at: string | null;
  name_ar: string;
  name_en: string;
  id_number: string;
  nationality: string;
  profession: string;
  specialty: string;
  category: string;
  email: string;
  mobile: string;
  assignee_name: string | null;
}

export type { CellValue } from '../../../shared/csv';
import type { CellValue } from '../../../shared/csv';

export interface ExportColumn {
  key: string;
  title: { ar: string; en: string };
  /** Excel column width (characters). */
  width: number;
  kind: 'text' | 'number' | 'date';
  /** Who may see it; absent: every staff role. */
  roles?: readonly Role[];
  value(r: ExportSource, lang: 'ar' | 'en', today: string): CellValue;
}

const day = (iso: string) => new Date(`${riyadhDate(iso)}T00:00:00Z`);

/** A 100,000-row export repeats a few hundred days and a few dozen labels: each is worked out once. */
function memo<T>(fn: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined) {
      if (cache.size > 50_000) cache.clear();
      v = fn(key);
      cache.set(key, v);
    }
    return v;
  };
}
const hijri = memo(hijriDay);
const profession = memo(professionLabel);
const specialty = memo(specialtyLabel);
const category = memo(categoryLabel);
const ageFrom = memo((key: string) => workingDaysBetween(key.slice(0, 10), key.slice(10)));

export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { key: 'reference', title: { ar: 'رقم الطلب', en: 'Reference' }, width: 18, kind: 'text', value: (r) => r.reference },
  {
    key: 'service',
    title: { ar: 'الخدمة', en: 'Service' },
    width: 30,
    kind: 'text',
    value: (r, l) => SERVICE_LABELS[r.service]?.[l] ?? r.service,
  },
  {
    key: 'status',
    title: { ar: 'الحالة', en: 'Status' },
    width: 22,
    kind: 'text',
    value: (r, l) => TERMS.statuses[r.status]?.[l] ?? r.status,
  },
  { key: 'submitted', title: { ar: 'تاريخ التقديم', en: 'Submitted' }, width: 12, kind: 'date', value: (r) => day(r.submitted_at) },
  {
    key: 'submittedHijri',
    title: { ar: 'تاريخ التقديم (هجري)', en: 'Submitted (Hijri)' },
    width: 14,
    kind: 'text',
    value: (r) => hijri(riyadhDate(r.submitted_at)),
  },
  {
    key: 'ageDays',
    title: { ar: 'العمر (أيام عمل)', en: 'Age (working days)' },
    width: 10,
    kind: 'number',
    value: (r, _l, today) => ageFrom(riyadhDate(r.submitted_at) + today),
  },
  { key: 'nameAr', title: { ar: 'الاسم بالعربية', en: 'Name (Arabic)' }, width: 30, kind: 'text', value: (r) => r.name_ar },
  { key: 'nameEn', title: { ar: 'الاسم بالإنجليزية', en: 'Name (English)' }, width: 30, kind: 'text', value: (r) => r.name_en },
  { key: 'idNumber', title: { ar: 'رقم الهوية', en: 'ID number' }, width: 13, kind: 'text', value: (r) => r.id_number },
  { key: 'nationality', title: { ar: 'الجنسية', en: 'Nationality' }, width: 8, kind: 'text', value: (r) => r.nationality },
  { key: 'profession', title: { ar: 'المهنة', en: 'Profession' }, width: 18, kind: 'text', value: (r, l) => profession(r.profession)[l] },
  { key: 'specialty', title: { ar: 'التخصص', en: 'Specialty' }, width: 22, kind: 'text', value: (r, l) => specialty(r.specialty)[l] },
  { key: 'category', title: { ar: 'التصنيف', en: 'Category' }, width: 16, kind: 'text', value: (r, l) => category(r.category)[l] },
  { key: 'assignee', title: { ar: 'المستلم', en: 'Assignee' }, width: 20, kind: 'text', value: (r) => r.assignee_name },
  {
    key: 'returnDue',
    title: { ar: 'مهلة الرد', en: 'Response due' },
    width: 12,
    kind: 'date',
    value: (r) => (r.return_due_at ? new Date(`${r.return_due_at}T00:00:00Z`) : null),
  },
  { key: 'email', title: { ar: 'البريد الإلكتروني', en: 'E-mail' }, width: 28, kind: 'text', roles: CONTACT_ROLES, value: (r) => r.email },
  { key: 'mobile', title: { ar: 'الجوال', en: 'Mobile' }, width: 15, kind: 'text', roles: CONTACT_ROLES, value: (r) => r.mobile },
];

/** The columns a user with these roles may export. */
export const columnsFor = (roles: readonly Role[]): ExportColumn[] =>
  EXPORT_COLUMNS.filter((c) => !c.roles || c.roles.some((r) => roles.includes(r)));
