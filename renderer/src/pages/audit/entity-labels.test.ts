import { describe, expect, it } from 'vitest';
import { AUDIT_ENTITY_LABELS, auditEntityLabel } from './entity-labels';

/** The main process's sources as text: what it writes to the audit log is read from them. */
const core = import.meta.glob<string>(['../../../../electron/core/**/*.ts', '!**/*.test.ts', '!**/testing*.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('audit entity labels', () => {
  it('every entity the desk writes an audit entry about is named in Arabic and English', () => {
    const written = new Set<string>();
    for (const text of Object.values(core)) for (const m of text.matchAll(/\bentity: '([a-z_]{2,})'/g)) written.add(m[1]!);
    // The scan must find what the desk surely writes, or it proves nothing.
    expect([...written]).toEqual(expect.arrayContaining(['request', 'user', 'refund', 'policy']));
    const unnamed = [...written].filter((e) => !AUDIT_ENTITY_LABELS[e] || !/[\u0600-\u06ff]/.test(AUDIT_ENTITY_LABELS[e].ar));
    expect(unnamed).toEqual([]);
    expect(auditEntityLabel('something_new')).toEqual({ ar: 'something_new', en: 'something_new' });
  });
});
