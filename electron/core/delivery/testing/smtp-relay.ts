/**
 * Test helpers: a real SMTP relay (smtp-server) on 127.0.0.1 and a random port, with a login, that
 * keeps one message per Message-ID (as a relay that deduplicates would) and counts every delivery;
 * it can refuse (451, 550) or hang on the message when a test tells it to.
 */
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export type RelayBehaviour = 'accept' | 'refuse451' | 'refuse550' | 'hang';

export interface TestRelay {
  port: number;
  user: string;
  password: string;
  /** Raw messages kept, one per Message-ID. */
  messages: Map<string, Buffer>;
  /** Every DATA the relay accepted, duplicates included. */
  accepted: number;
  /** Every DATA it refused or left hanging. */
  refused: number;
  /** What the next messages meet; a queue is taken one per message, then `then` holds. */
  behave(next: RelayBehaviour[], then?: RelayBehaviour): void;
  close(): Promise<void>;
}

const messageIdOf = (raw: Buffer) => /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(raw.toString('latin1'))?.[1] ?? '(none)';

/** `secure`: TLS from the first byte (port 465 style), with smtp-server's own self-signed certificate. */
export async function startTestRelay(opts: { secure?: boolean } = {}): Promise<TestRelay> {
  const user = 'desk';
  const password = 'relay-password-1';
  let queue: RelayBehaviour[] = [];
  let steady: RelayBehaviour = 'accept';
  const hanging: Array<() => void> = [];
  const relay: Omit<TestRelay, 'port' | 'close'> = {
    user,
    password,
    messages: new Map(),
    accepted: 0,
    refused: 0,
    behave(next, then = 'accept') {
      queue = [...next];
      steady = then;
    },
  };
  const server = new SMTPServer({
    logger: false,
    secure: opts.secure ?? false,
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    closeTimeout: 100,
    onAuth(auth, _session, cb) {
      if (auth.username === user && auth.password === password) cb(null, { user });
      else cb(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream: SMTPServerDataStream, _session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const behaviour = queue.shift() ?? steady;
        if (behaviour === 'hang') {
          relay.refused++;
          hanging.push(() => cb(Object.assign(new Error('closing'), { responseCode: 421 })));
          return;
        }
        if (behaviour !== 'accept') {
          relay.refused++;
          const code = behaviour === 'refuse451' ? 451 : 550;
          cb(Object.assign(new Error(code === 451 ? 'Try again later' : 'Mailbox unavailable'), { responseCode: code }));
          return;
        }
        const raw = Buffer.concat(chunks);
        relay.accepted++;
        const id = messageIdOf(raw);
        if (!relay.messages.has(id)) relay.messages.set(id, raw);
        cb(null, `queued as ${relay.accepted}`);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return Object.assign(relay as TestRelay, {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const release of hanging.splice(0)) release();
        server.close(() => resolve());
      }),
  });
}
