import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIALOG_TITLE, reportStartupFailure } from './startup-failure';
import { createFakeElectron } from './testing/fake-electron';
import { openDesk } from '../core/desk/open-desk';

const dir = mkdtempSync(join(tmpdir(), 'desk-startup-failure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the damaged-database dialog', () => {
  it('names the file, says nothing was replaced, in Arabic and English, and quits', async () => {
    const file = join(dir, 'desk.sqlite');
    writeFileSync(file, 'this is not a database, it was damaged by a failing disk'.repeat(100));
    const error = await openDesk(file, { settingsFolder: dir }).then(
      async (d) => {
        await d.close();
        return null;
      },
      (e: unknown) => e,
    );
    expect(error).not.toBeNull();
    const electron = createFakeElectron();
    reportStartupFailure({ dialog: electron.dialog, app: electron.app }, file, error);
    expect(electron.dialog.errorBoxes).toHaveLength(1);
    const { title, content } = electron.dialog.errorBoxes[0]!;
    expect(title).toBe(DIALOG_TITLE);
    expect(content).toContain('لم يُحذف أو يُستبدل شيء');
    expect(content).toContain('Nothing was deleted or replaced');
    expect(content).toContain(file);
    expect(content).toMatch(/no backup was found in|the latest backup is/);
    expect(electron.app.quitCalls).toBe(1);
  });

  it('never shows a PostgreSQL password', () => {
    const electron = createFakeElectron();
    reportStartupFailure(
      { dialog: electron.dialog, app: electron.app },
      'postgres://desk:s3cret-pw@db.internal/cases',
      new Error('connect ECONNREFUSED'),
    );
    expect(electron.dialog.errorBoxes[0]!.content).not.toContain('s3cret-pw');
    expect(electron.dialog.errorBoxes[0]!.content).toContain('ECONNREFUSED');
  });
});
