import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from './menu';
import type { MenuCommand } from './menu-commands';
import { MENU_COMMANDS, isMenuCommand } from './menu-commands';
import { MENU_WORDS } from './menu-words';
import { QUEUES, TERMS } from '../../shared/domain';

type Item = MenuItemConstructorOptions;
const items = (m: Item): Item[] => (Array.isArray(m.submenu) ? (m.submenu as Item[]) : []);
const all = (t: Item[]): Item[] => t.flatMap((m) => [m, ...all(items(m))]);
const byId = (t: Item[], id: string) => all(t).find((i) => i.id === id);

function menu(lang: 'ar' | 'en', o: { platform?: NodeJS.Platform; isPackaged?: boolean } = {}) {
  const sent: MenuCommand[] = [];
  let about = 0;
  const template = buildMenuTemplate({
    lang,
    platform: o.platform ?? 'win32',
    isPackaged: o.isPackaged ?? true,
    onCommand: (c) => void sent.push(c),
    onAbout: () => void about++,
  });
  return { template, sent, about: () => about };
}

describe('the application menu', () => {
  it('has File, Edit, View, Go and Help, in Arabic and in English', () => {
    expect(menu('ar').template.map((m) => m.label)).toEqual(['ملف', 'تحرير', 'عرض', 'انتقال', 'مساعدة']);
    expect(menu('en').template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Go', 'Help']);
  });

  it('labels every item in the chosen language: no English left in the Arabic menu', () => {
    for (const lang of ['ar', 'en'] as const) {
      const labels = all(menu(lang).template)
        .filter((i) => i.type !== 'separator')
        .map((i) => i.label ?? '');
      expect(labels.every((l) => l.length > 0)).toBe(true);
      if (lang === 'ar') expect(labels.filter((l) => /[A-Za-z]/.test(l))).toEqual([]);
      else expect(labels.filter((l) => /[\u0600-\u06ff]/.test(l))).toEqual([]);
    }
    for (const [key, w] of Object.entries(MENU_WORDS))
      expect([key, /[\u0600-\u06ff]/.test(w.ar), /^[\x20-\x7e…]+$/.test(w.en)]).toEqual([key, true, true]);
  });

  it('File prints, exports, signs out and quits', () => {
    const { template, sent } = menu('en');
    const file = items(template[0]!);
    expect(file.filter((i) => i.type !== 'separator').map((i) => i.label)).toEqual(['Print…', 'Export…', 'Sign out', 'Quit']);
    expect(byId(template, 'print')!.accelerator).toBe('CmdOrCtrl+P');
    expect(byId(template, 'quit')!.role).toBe('quit');
    for (const id of ['print', 'export', 'sign-out']) byId(template, id)!.click!({} as never, undefined, {} as never);
    expect(sent).toEqual(['print', 'export', 'sign-out']);
  });

  it('Edit keeps the editing roles', () => {
    expect(items(menu('ar').template[1]!).map((i) => i.role ?? i.type)).toEqual(['undo', 'redo', 'separator', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('View zooms; reload and developer tools only when not installed', () => {
    const installed = menu('en', { isPackaged: true }).template;
    expect(['zoom-in', 'zoom-out', 'reset-zoom'].map((id) => byId(installed, id)!.role)).toEqual(['zoomIn', 'zoomOut', 'resetZoom']);
    expect(byId(installed, 'reload')).toBeUndefined();
    expect(byId(installed, 'devtools')).toBeUndefined();
    expect(all(installed).some((i) => i.role === 'reload' || i.role === 'forceReload' || i.role === 'toggleDevTools')).toBe(false);
    const dev = menu('en', { isPackaged: false }).template;
    expect(byId(dev, 'reload')!.role).toBe('reload');
    expect(byId(dev, 'devtools')!.role).toBe('toggleDevTools');
  });

  it('Go lists every queue by its handbook name and shows the page’s own keys for search and claim next', () => {
    const { template, sent } = menu('ar');
    expect(QUEUES.map((q) => byId(template, `queue:${q}`)!.label)).toEqual(QUEUES.map((q) => TERMS.queues[q].ar));
    expect(byId(template, 'claim-next')!.label).toBe(TERMS.actions.claim_next.ar);
    // The same keys as the shortcut sheet, shown but left to the page (typing "n" in a box stays a letter).
    expect(byId(template, 'search')).toMatchObject({ accelerator: '/', registerAccelerator: false });
    expect(byId(template, 'claim-next')).toMatchObject({ accelerator: 'n', registerAccelerator: false });
    expect(byId(template, 'shortcuts')).toMatchObject({ accelerator: '?', registerAccelerator: false });
    byId(template, 'queue:mine')!.click!({} as never, undefined, {} as never);
    byId(template, 'claim-next')!.click!({} as never, undefined, {} as never);
    byId(template, 'search')!.click!({} as never, undefined, {} as never);
    expect(sent).toEqual(['queue:mine', 'claim-next', 'search']);
    expect(sent.every(isMenuCommand)).toBe(true);
  });

  it('on macOS: the app menu first, no quit under File, and no key without a modifier', () => {
    const { template } = menu('en', { platform: 'darwin' });
    expect(template.map((m) => m.label)).toEqual(['Mumaris Review Desk', 'File', 'Edit', 'View', 'Go', 'Help']);
    expect(byId(template, 'quit')).toBeUndefined();
    expect(byId(template, 'claim-next')!.accelerator).toBeUndefined();
    expect(byId(template, 'print')!.accelerator).toBe('CmdOrCtrl+P');
  });

  it('Help shows the shortcuts and the About box', () => {
    const m = menu('en');
    expect(items(m.template[4]!).map((i) => i.label)).toEqual(['Keyboard shortcuts', 'About Mumaris Review Desk']);
    byId(m.template, 'about')!.click!({} as never, undefined, {} as never);
    byId(m.template, 'shortcuts')!.click!({} as never, undefined, {} as never);
    expect(m.about()).toBe(1);
    expect(m.sent).toEqual(['shortcuts']);
  });

  it('every command the menu can send is one the preload lets through, and nothing else is', () => {
    const { template, sent } = menu('en');
    for (const i of all(template)) if (i.click && i.id !== 'about') i.click({} as never, undefined, {} as never);
    expect(new Set(sent)).toEqual(new Set(MENU_COMMANDS));
    expect(isMenuCommand('queue:nope')).toBe(false);
    expect(isMenuCommand('eval')).toBe(false);
  });
});
