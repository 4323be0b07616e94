import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLastCheck, readUpdateSettings, updateSettingsFile, updatesView, validFeedUrl, writeLastCheck } from './update-settings';

const base = mkdtempSync(join(tmpdir(), 'desk-update-settings-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
let n = 0;
const folder = (settings?: string) => {
  const dir = join(base, String(n++));
  mkdirSync(dir);
  if (settings !== undefined) writeFileSync(updateSettingsFile(dir), settings);
  return dir;
};

describe('update settings', () => {
  it('no file, no folder: no server, nothing checked', () => {
    expect(readUpdateSettings(folder())).toEqual({ feedUrl: null, channel: 'latest' });
    expect(readUpdateSettings(null)).toEqual({ feedUrl: null, channel: 'latest' });
    expect(updatesView(null, '0.1.0')).toEqual({
      version: '0.1.0',
      channel: 'latest',
      feedUrl: null,
      settingsFile: null,
      lastCheck: null,
      problem: null,
    });
  });

  it('reads the admin’s https server and channel', () => {
    expect(readUpdateSettings(folder('{"url":"https://updates.scfhs.internal/desk/","channel":"beta"}'))).toEqual({
      feedUrl: 'https://updates.scfhs.internal/desk/',
      channel: 'beta',
    });
    expect(readUpdateSettings(folder('{"url":"https://updates.scfhs.internal/desk/","channel":"nightly"}')).channel).toBe('latest');
  });

  it('an unusable file means no updates, and says what to fix', () => {
    expect(readUpdateSettings(folder('{"url":"http://updates.internal/"}'))).toMatchObject({
      feedUrl: null,
      problem: expect.stringContaining('https://'),
    });
    expect(readUpdateSettings(folder('{not json'))).toMatchObject({ feedUrl: null, problem: expect.stringContaining('cannot be read') });
    expect(readUpdateSettings(folder('[]'))).toMatchObject({ feedUrl: null, problem: expect.stringContaining('JSON object') });
    for (const bad of ['https://u:p@h/', 'https://h/?token=1', 'https://h/#x', 'ftp://h/', 'not a url', 42]) expect(validFeedUrl(bad)).toBeNull();
  });

  it('keeps the last check for the Settings page, and ignores a damaged record', () => {
    const dir = folder('{"url":"https://updates.scfhs.internal/desk/"}');
    expect(readLastCheck(dir)).toBeNull();
    writeLastCheck(dir, { at: '2026-11-30T08:00:00.000Z', outcome: 'downloaded', version: '0.2.0' });
    expect(updatesView(dir, '0.1.0')).toEqual({
      version: '0.1.0',
      channel: 'latest',
      feedUrl: 'https://updates.scfhs.internal/desk/',
      settingsFile: updateSettingsFile(dir),
      lastCheck: { at: '2026-11-30T08:00:00.000Z', outcome: 'downloaded', version: '0.2.0' },
      problem: null,
    });
    writeFileSync(join(dir, 'updates-state.json'), '{"lastCheck":{"at":"x","outcome":"hacked"}}');
    expect(readLastCheck(dir)).toBeNull();
  });
});
