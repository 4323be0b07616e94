import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { probeDatabase } from './probe';
import { probeProblem } from './probe-problem';

describe('why a database address cannot be used, as a code the Settings page words', () => {
  const dir = mkdtempSync(join(tmpdir(), 'probe-problem-'));

  it('a missing file will be created; a file that is not a database says so; the driver’s words stay for support', async () => {
    expect(await probeDatabase(join(dir, 'new.sqlite'))).toMatchObject({ ok: true, problem: 'new_file', server: null, message: null });
    const text = join(dir, 'notes.sqlite');
    writeFileSync(text, 'this is not a database, only some text that is long enough to hold a header'.repeat(20));
    expect(await probeDatabase(text)).toMatchObject({ ok: false, problem: 'not_a_database', message: expect.stringMatching(/not a database/) });
  });

  it('an address that names no server, and a server that refuses the connection', async () => {
    expect(await probeDatabase('postgres://')).toMatchObject({ ok: false, problem: 'bad_address' });
    const refused = await probeDatabase('postgres://nobody@127.0.0.1:1/nowhere');
    expect(refused).toMatchObject({ ok: false, problem: 'connection_refused', message: expect.stringMatching(/ECONNREFUSED/) });
  });

  it("reads PostgreSQL's SQLSTATE and node's error codes before any text", () => {
    expect(probeProblem(Object.assign(new Error('password authentication failed for user "x"'), { code: '28P01' }))).toBe('auth_failed');
    expect(probeProblem(Object.assign(new Error('database "x" does not exist'), { code: '3D000' }))).toBe('database_missing');
    expect(probeProblem(Object.assign(new Error('getaddrinfo ENOTFOUND db.example'), { code: 'ENOTFOUND' }))).toBe('host_not_found');
    expect(probeProblem(new Error('Connection terminated due to connection timeout'))).toBe('timeout');
    expect(probeProblem(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]))).toBe('connection_refused');
    expect(probeProblem(new Error('something else entirely'))).toBe('other');
  });
});
