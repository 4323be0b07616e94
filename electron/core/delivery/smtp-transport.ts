/**
 * E-mail over SMTP (nodemailer): implicit TLS, STARTTLS (required, never silently plain) or none,
 * with the relay's login when one is set. Every wait is bounded so a relay that hangs fails in
 * seconds and the message is tried again later, never held by a stuck connection.
 */
import { createTransport } from 'nodemailer';
import type { EmailRelay } from './settings';
import type { Transport } from './transport';
import { emailMessage } from './compose-email';

export interface SmtpOptions extends EmailRelay {
  password: string | null;
  /** Milliseconds for each wait (connect, greeting, any silence on the socket); 15 s unless a test says less. */
  timeoutMs?: number;
  /** Certificates the relay may present beyond the system's (a test's self-signed relay). */
  tls?: { rejectUnauthorized?: boolean };
}

export function smtpTransport(o: SmtpOptions): Transport {
  const timeout = o.timeoutMs ?? 15_000;
  return {
    channel: 'email',
    async send(message) {
      const transporter = createTransport({
        host: o.host,
        port: o.port,
        secure: o.security === 'tls',
        requireTLS: o.security === 'starttls',
        ignoreTLS: o.security === 'none',
        ...(o.user !== '' ? { auth: { user: o.user, pass: o.password ?? '' } } : {}),
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout,
        ...(o.tls ? { tls: o.tls } : {}),
      });
      try {
        const info = await transporter.sendMail(emailMessage(message, o.from));
        if (info.rejected.length > 0) throw new Error(`the relay refused ${info.rejected.map(String).join(', ')}: ${info.response}`);
        return { answer: info.response };
      } finally {
        transporter.close();
      }
    },
  };
}
