import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DAY_MS, startUpdates, type Updater } from './updates';
import { FakeUpdater } from './testing/fake-electron';
import { readLastCheck, updateSettingsFile } from '../core/updates/update-settings';

const base = mkdtempSync(join(tmpdir(), 'desk-updates-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
let folder: string;
let n = 0;
beforeEach(() => {
  folder = join(base, String(n++));
});
const now = () => new Date('2026-11-30T08:00:00.000Z');
const settle = () => new Promise((r) => setTimeout(r, 0));

function start(o: { isPackaged?: boolean; settings?: unknown } = {}) {
  if (o.settings !== undefined) {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    writeFileSync(updateSettingsFile(folder), typeof o.settings === 'string' ? o.settings : JSON.stringify(o.settings));
  }
  const updater = new FakeUpdater();
  const timers: Array<{ ms: number; run: () => void }> = [];
  let stopped = false;
  const stop = startUpdates({
    updater: updater as unknown as Updater,
    folder,
    isPackaged: o.isPackaged ?? true,
    now,
    every: (ms, run) => {
      timers.push({ ms, run });
      return () => void (stopped = true);
    },
  });
  return { updater, timers, stop, stopped: () => stopped };
}

describe('updates from the administrator’s server', () => {
  it('checks nothing without a server named in updates.json (the desk never calls the internet on its own)', () => {
    const { updater, stop } = start();
    expect(stop).toBeNull();
    expect(updater.checks).toBe(0);
    expect(updater.feeds).toEqual([]);
  });

  it('checks nothing in a development run', () => {
    const { updater, stop } = start({ isPackaged: false, settings: { url: 'https://updates.scfhs.internal/desk/' } });
    expect(stop).toBeNull();
    expect(updater.checks).toBe(0);
  });

  it('checks the generic server at start and daily, downloads, installs at the next quit and never restarts the app itself', async () => {
    const { updater, timers, stop, stopped } = start({ settings: { url: 'https://updates.scfhs.internal/desk/', channel: 'beta' } });
    expect(updater.feeds).toEqual([{ provider: 'generic', url: 'https://updates.scfhs.internal/desk/', channel: 'beta' }]);
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true, allowDowngrade: false, allowPrerelease: true, channel: 'beta' });
    expect(updater.checks).toBe(1);
    expect(timers.map((t) => t.ms)).toEqual([DAY_MS]);
    timers[0]!.run();
    expect(updater.checks).toBe(2);
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(readLastCheck(folder)).toEqual({ at: '2026-11-30T08:00:00.000Z', outcome: 'downloaded', version: '0.2.0' });
    expect(updater.quitAndInstallCalls).toBe(0);
    stop!();
    expect(stopped()).toBe(true);
    await settle();
  });

  it('records each outcome for the Settings page, failures with their reason', () => {
    const { updater } = start({ settings: { url: 'https://updates.scfhs.internal/desk/' } });
    updater.emit('update-not-available', { version: '0.1.0' });
    expect(readLastCheck(folder)).toMatchObject({ outcome: 'none' });
    updater.emit('update-available', { version: '0.3.0' });
    expect(readLastCheck(folder)).toMatchObject({ outcome: 'available', version: '0.3.0' });
    updater.emit('error', new Error('sha512 checksum mismatch'));
    expect(readLastCheck(folder)).toMatchObject({ outcome: 'failed', message: 'sha512 checksum mismatch' });
    expect(updater.quitAndInstallCalls).toBe(0);
  });

  it('a check that throws is recorded, not left to crash the app', async () => {
    const updater = new FakeUpdater();
    updater.failWith = new Error('net::ERR_CONNECTION_REFUSED');
    mkdirSync(folder, { recursive: true });
    writeFileSync(updateSettingsFile(folder), JSON.stringify({ url: 'https://updates.scfhs.internal/desk/' }));
    startUpdates({ updater: updater as unknown as Updater, folder, isPackaged: true, now, every: () => () => undefined });
    await settle();
    expect(readLastCheck(folder)).toMatchObject({ outcome: 'failed', message: 'net::ERR_CONNECTION_REFUSED' });
  });

  it('refuses a plain http or credentialled address and says what to fix', () => {
    for (const url of ['http://updates.scfhs.internal/desk/', 'https://u:p@updates.scfhs.internal/', 'file:///srv/updates']) {
      folder = join(base, String(n++));
      const { updater, stop } = start({ settings: { url } });
      expect(stop).toBeNull();
      expect(updater.checks).toBe(0);
      expect(readLastCheck(folder)).toMatchObject({ outcome: 'failed', message: expect.stringContaining('https://') });
    }
  });
});
