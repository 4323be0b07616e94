import type { PDFDocument } from 'pdf-lib';
import { TERMS } from '../../../shared/domain/terms';

/** Title, author and language on every document the desk makes (viewers and screen readers use them). */
export function describeDocument(doc: PDFDocument, d: { title: string; subject: string; now?: Date }): void {
  const now = d.now ?? new Date();
  doc.setTitle(d.title, { showInWindowTitleBar: true });
  doc.setAuthor(`${TERMS.commission.ar} — ${TERMS.commission.en}`);
  doc.setSubject(d.subject);
  doc.setCreator('Mumaris Review Desk');
  doc.setProducer('Mumaris Review Desk (pdf-lib, HarfBuzz)');
  doc.setLanguage('ar-SA');
  doc.setCreationDate(now);
  doc.setModificationDate(now);
}
