import type { Bilingual } from '../../../shared/domain';
import type { Lang } from './locale';

/** A file's kind as a reader names it, not its media type ("application/pdf"): the format's own name stays. */
const KINDS: Record<string, Bilingual> = {
  'application/pdf': { ar: 'مستند PDF', en: 'PDF document' },
  'image/jpeg': { ar: 'صورة JPEG', en: 'JPEG image' },
  'image/png': { ar: 'صورة PNG', en: 'PNG image' },
  'image/webp': { ar: 'صورة WebP', en: 'WebP image' },
  'text/csv': { ar: 'جدول CSV', en: 'CSV table' },
  'application/zip': { ar: 'ملف مضغوط ZIP', en: 'ZIP archive' },
};

export function fileKindText(mime: string, lang: Lang): string {
  const kind = KINDS[mime.toLowerCase()] ?? (mime.startsWith('image/') ? { ar: 'صورة', en: 'Image' } : { ar: 'ملف', en: 'File' });
  return kind[lang];
}
