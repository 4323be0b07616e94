import { describe, expect, it } from 'vitest';
import { aboutText, libraryNotices, shownDatabase } from './about';

describe('Help > About', () => {
  it('lists every runtime library with the licence its package declares', () => {
    const notices = libraryNotices(process.cwd());
    expect(notices).toContain('react — MIT');
    expect(notices).toContain('pdf-lib — MIT');
    expect(notices.some((n) => n.startsWith('electron-updater — '))).toBe(true);
    expect(notices.filter((n) => n.endsWith(' — ?'))).toEqual([]);
  });

  it('shows the version, the database without its password and the fonts’ licence, in the chosen language', () => {
    const ar = aboutText({ lang: 'ar', version: '0.1.0', database: 'postgres://desk:s3cret@db.internal/cases', libraries: ['react — MIT'] });
    expect(ar.message).toContain('الإصدار 0.1.0');
    expect(ar.detail).toContain('قاعدة البيانات: postgres://desk:•••@db.internal/cases');
    expect(ar.detail).not.toContain('s3cret');
    expect(ar.detail).toContain('SIL Open Font License 1.1');
    expect(ar.detail).toContain('Tesseract Arabic and English models (tessdata_fast, via Debian) — Apache-2.0');
    expect(ar.detail).toContain('react — MIT');
    const en = aboutText({ lang: 'en', version: '0.1.0', database: '/data/desk.sqlite', libraries: [] });
    expect(en.title).toBe('About Mumaris Review Desk');
    expect(en.detail).toContain('Database: /data/desk.sqlite');
    expect(shownDatabase('postgresql://a:b@h/d')).toBe('postgresql://a:•••@h/d');
  });
});
