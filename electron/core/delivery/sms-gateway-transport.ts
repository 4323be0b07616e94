/**
 * SMS through an HTTP gateway: POST {to, text, sender} as JSON with the key as a bearer token.
 * Any 2xx is accepted and its body kept as the answer; anything else (or no answer within the
 * timeout) is a failure to try again. The message's id goes as an Idempotency-Key header, so a
 * gateway that honours it sends a retried message once.
 */
import type { Transport } from './transport';
import { smsText } from './sms-text';

export interface SmsGatewayOptions {
  url: string;
  key: string | null;
  sender: string;
  timeoutMs?: number;
}

export function smsGatewayTransport(o: SmsGatewayOptions): Transport {
  return {
    channel: 'sms',
    async send(message) {
      const res = await fetch(o.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': message.messageId,
          ...(o.key ? { authorization: `Bearer ${o.key}` } : {}),
        },
        body: JSON.stringify({ to: message.to, text: smsText(message), sender: o.sender }),
        signal: AbortSignal.timeout(o.timeoutMs ?? 15_000),
      });
      const body = (await res.text()).slice(0, 500);
      if (!res.ok) throw new Error(`the SMS gateway answered ${res.status}${body ? `: ${body}` : ''}`);
      return { answer: `${res.status}${body ? ` ${body}` : ''}` };
    },
  };
}
