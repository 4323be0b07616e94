import { nulCharacterAt } from '../validation/hidden-characters';
import { createHash } from 'node:crypto';
import { bundleSchema, type RequestBundle } from './bundle-schema';
import { BundleError, problem, type BundleProblem } from './bundle-error';
import { sniffType, type SniffedType } from './file-type';
import { bundleIssueArabic } from './bundle-issue-arabic';
import type { RawBundle } from './read-bundle';

export interface ValidFile {
  path: string;
  bytes: Uint8Array;
  mime: SniffedType;
  sha256: string;
}

export interface ValidBundle {
  name: string;
  request: RequestBundle;
  files: Map<string, ValidFile>;
}

/** Schema and files together: every problem of the bundle, or the bundle ready to import or check. */
export function validateBundle(raw: RawBundle): ValidBundle {
  const parsed = bundleSchema.safeParse(raw.request);
  if (!parsed.success) {
    throw new BundleError(
      raw.name,
      parsed.error.issues.map((i) => problem(i.path.join('.') || '(request.json)', i.message, bundleIssueArabic(i))),
    );
  }
  const nul = nulCharacterAt(parsed.data);
  if (nul) throw new BundleError(raw.name, [problem(nul, 'contains a NUL character', 'يحتوي على محرف NUL غير مسموح')]);
  const problems: BundleProblem[] = [];
  const files = new Map<string, ValidFile>();
  for (const a of parsed.data.attachments) {
    const path = a.file.replace(/\\/g, '/').replace(/^\.\//, '');
    if (files.has(path)) continue;
    const bytes = raw.files.get(path);
    if (!bytes) {
      problems.push(problem(`file ${path}`, 'is named in attachments but is not in the bundle', 'مذكور في المرفقات وغير موجود في الحزمة'));
      continue;
    }
    const mime = sniffType(bytes);
    if (!mime) {
      problems.push(problem(`file ${path}`, 'is not a PDF, JPEG or PNG file (by its content)', 'ليس ملف PDF أو JPEG أو PNG بحسب محتواه'));
      continue;
    }
    // A .pdf that is really a PNG is kept, recorded as what it is: the name is only a hint.
    files.set(path, { path, bytes, mime, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  if (problems.length > 0) throw new BundleError(raw.name, problems);
  return { name: raw.name, request: parsed.data, files };
}
