/**
 * The applicant's e-mail: one message in both languages, Arabic first. An HTML part (the Arabic
 * section right-to-left, then the English left-to-right) and a plain-text part for readers that
 * show no HTML; the subject names the reference in both languages; the Message-ID is the outbox
 * row's, so a relay sees every retry as the same message.
 */
import type Mail from 'nodemailer/lib/mailer';
import { TERMS } from '../../../shared/domain/terms';
import type { OutgoingMessage } from './transport';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const paragraphs = (text: string) =>
  text
    .split('\n')
    .map((line) => `<p style="margin:0 0 8px">${line === '' ? '&nbsp;' : escapeHtml(line)}</p>`)
    .join('\n');

export const emailSubject = (m: Pick<OutgoingMessage, 'subjectAr' | 'subjectEn'>) => `${m.subjectAr} | ${m.subjectEn}`;

export function emailHtml(m: OutgoingMessage): string {
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><title>${escapeHtml(emailSubject(m))}</title></head>
<body style="font-family:Tahoma,Arial,sans-serif;font-size:15px;line-height:1.6">
<div dir="rtl" lang="ar" style="text-align:right">
${paragraphs(m.bodyAr)}
<p style="color:#555">${escapeHtml(TERMS.commission.ar)}</p>
</div>
<hr>
<div dir="ltr" lang="en" style="text-align:left">
${paragraphs(m.bodyEn)}
<p style="color:#555">${escapeHtml(TERMS.commission.en)}</p>
</div>
</body>
</html>
`;
}

export function emailText(m: OutgoingMessage): string {
  return `${m.bodyAr}\n${TERMS.commission.ar}\n\n----------------\n\n${m.bodyEn}\n${TERMS.commission.en}\n`;
}

/** What nodemailer sends (SMTP) or writes out (capture). */
export function emailMessage(m: OutgoingMessage, from: string): Mail.Options {
  return {
    from,
    to: m.to,
    subject: emailSubject(m),
    messageId: m.messageId,
    headers: { 'Content-Language': 'ar, en' },
    text: emailText(m),
    html: emailHtml(m),
    attachments: m.attachment
      ? [{ filename: m.attachment.fileName, content: Buffer.from(m.attachment.content), contentType: 'application/pdf' }]
      : [],
  };
}
