/**
 * Demo and local desks: every message is "delivered" to a file a person can open: an e-mail as
 * the exact .eml an SMTP relay would receive, an SMS as a short text file. A file is named by the
 * message's id, so a retry overwrites the same file, as a relay keeps one message per Message-ID.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import type { DeliveryChannel } from '../../../shared/domain';
import type { OutgoingMessage, Transport } from './transport';
import { emailMessage } from './compose-email';
import { smsText } from './sms-text';

export const CAPTURE_FROM = 'Mumaris Review Desk (demo) <no-reply@mumaris-desk.invalid>';

/** outbox-12.3f…: the id without its angle brackets and domain, safe as a file name. */
const fileStem = (messageId: string) => messageId.replace(/^<|@.*$|>$/g, '').replace(/[^A-Za-z0-9._-]/g, '_');

export function captureTransport(folder: string, channel: DeliveryChannel): Transport {
  return {
    channel,
    async send(message: OutgoingMessage) {
      mkdirSync(folder, { recursive: true });
      if (channel === 'sms') {
        const file = join(folder, `${fileStem(message.messageId)}.sms.txt`);
        writeFileSync(file, `To: ${message.to}\nMessage-ID: ${message.messageId}\n\n${smsText(message)}\n`);
        return { answer: `captured to ${file}` };
      }
      const raw = await createTransport({ streamTransport: true, buffer: true, newline: 'unix' }).sendMail(emailMessage(message, CAPTURE_FROM));
      const file = join(folder, `${fileStem(message.messageId)}.eml`);
      writeFileSync(file, raw.message as Buffer);
      return { answer: `captured to ${file}` };
    },
  };
}
