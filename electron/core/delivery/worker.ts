/**
 * The delivery worker: every round it reads the settings (a save on the Settings page applies at the
 * next round), takes due messages one at a time (claim.ts), hands each to the transport of its
 * channel and records what became of it (record.ts). When nothing is set, nothing is taken: the
 * messages wait in the queue. One round at a time per worker; a nudge after a decision starts the
 * next round at once rather than at the next tick.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { DeskDb } from '../db/connection';
import type { Clock } from '../time/clock';
import type { DeliveryChannel } from '../../../shared/domain';
import { claimNext, type ClaimedMessage } from './claim';
import { markFailed, markSent } from './record';
import { canDeliver, type DeliveryConfig } from './settings';
import type { OutgoingMessage, Transport } from './transport';
import { smtpTransport } from './smtp-transport';
import { smsGatewayTransport } from './sms-gateway-transport';
import { captureTransport } from './capture-transport';

export type Transports = Partial<Record<DeliveryChannel, Transport>>;

export interface DeliveryWorkerOptions {
  db: DeskDb;
  clock: Clock;
  /** The settings as saved now (settings.ts deliveryConfig); read at the start of every round. */
  config: () => DeliveryConfig;
  /** The PDF a message announces: the request's issued letter (documents/letters/issued-letters.ts storedLetterPdf). */
  letter: (requestId: number) => Promise<{ pdf: Uint8Array; fileName: string }>;
  /** Builds the transports for a round's settings; tests pass their own. */
  transports?: (config: DeliveryConfig) => Transports;
  /** This worker's name on the rows it claims. */
  worker?: string;
  /** How long a claim holds before another worker may take the message again. */
  leaseMs?: number;
  /** Bound on each wait of a send (SMTP connect, greeting, socket; the gateway's answer). */
  sendTimeoutMs?: number;
  /** At most this many messages per round, so a long queue does not hold one round for ever. */
  batch?: number;
  log?: (line: string) => void;
}

export interface RoundResult {
  sent: number;
  failed: number;
  dead: number;
  /** 'no_relay': nothing is set; nothing was taken. */
  why: 'no_relay' | null;
}

export const DEFAULT_LEASE_MS = 5 * 60_000;

export function transportsFor(config: DeliveryConfig, sendTimeoutMs?: number): Transports {
  if (config.capture !== null) return { email: captureTransport(config.capture, 'email'), sms: captureTransport(config.capture, 'sms') };
  const t: Transports = {};
  if (config.email) t.email = smtpTransport({ ...config.email, ...(sendTimeoutMs ? { timeoutMs: sendTimeoutMs } : {}) });
  if (config.sms) t.sms = smsGatewayTransport({ ...config.sms, ...(sendTimeoutMs ? { timeoutMs: sendTimeoutMs } : {}) });
  return t;
}

export interface DeliveryWorker {
  readonly name: string;
  /** One round now (or the one already running); resolves with what it did. */
  runRound(): Promise<RoundResult>;
  /** What a transport is handed for a claimed message (the letter read, when it announces one). */
  outgoing(m: ClaimedMessage): Promise<OutgoingMessage>;
  /** Rounds every `intervalMs` until the returned stop is called. */
  start(intervalMs: number): () => Promise<void>;
  /** Starts a round soon (after a decision queued a message). */
  nudge(): void;
}

export function createDeliveryWorker(o: DeliveryWorkerOptions): DeliveryWorker {
  const name = o.worker ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseMs = o.leaseMs ?? DEFAULT_LEASE_MS;
  const log = o.log ?? (() => {});
  const build = o.transports ?? ((c: DeliveryConfig) => transportsFor(c, o.sendTimeoutMs));
  let running: Promise<RoundResult> | null = null;
  let stopped = false;

  async function outgoing(m: ClaimedMessage): Promise<OutgoingMessage> {
    const attachment = m.attachment === 'letter' && m.requestId !== null ? await o.letter(m.requestId) : null;
    return {
      channel: m.channel,
      to: m.to,
      subjectAr: m.subjectAr,
      subjectEn: m.subjectEn,
      bodyAr: m.bodyAr,
      bodyEn: m.bodyEn,
      messageId: m.messageId,
      attachment: attachment ? { fileName: attachment.fileName, content: attachment.pdf } : null,
    };
  }

  async function round(): Promise<RoundResult> {
    const result: RoundResult = { sent: 0, failed: 0, dead: 0, why: null };
    const config = o.config();
    if (!canDeliver(config)) return { ...result, why: 'no_relay' };
    const transports = build(config);
    const channels = (Object.keys(transports) as DeliveryChannel[]).filter((c) => transports[c] !== undefined);
    for (let i = 0; i < (o.batch ?? 100) && !stopped; i++) {
      const m = await claimNext(o.db, { worker: name, now: o.clock.now(), leaseMs, channels, smsCopies: transports.sms !== undefined });
      if (!m) break;
      try {
        const { answer } = await transports[m.channel]!.send(await outgoing(m));
        await markSent(o.db, m.id, name, answer.slice(0, 1000), o.clock.now());
        result.sent++;
      } catch (e) {
        const reason = (e instanceof Error ? e.message : String(e)).slice(0, 1000);
        const now = await markFailed(o.db, m.id, name, reason, o.clock.now(), config.maxAttempts);
        if (now === 'dead') result.dead++;
        else result.failed++;
        log(`delivery: message ${m.id} (${m.channel}) try ${m.attempts} failed: ${reason}`);
      }
    }
    return result;
  }

  function runRound(): Promise<RoundResult> {
    if (!running)
      running = round().finally(() => {
        running = null;
      });
    return running;
  }

  let timer: NodeJS.Timeout | null = null;
  const tick = () => void runRound().catch((e: unknown) => log(`delivery round failed: ${e instanceof Error ? e.message : String(e)}`));

  return {
    name,
    runRound,
    outgoing,
    nudge: () => {
      if (!stopped) setTimeout(tick, 0).unref();
    },
    start(intervalMs) {
      stopped = false;
      tick();
      timer = setInterval(tick, intervalMs);
      timer.unref();
      return async () => {
        stopped = true;
        if (timer) clearInterval(timer);
        timer = null;
        // The message in hand is finished and recorded before the database closes.
        await running?.catch(() => undefined);
      };
    },
  };
}
