import { describe, expect, it } from 'vitest';
import { renderToString } from 'react-dom/server';
import { DirectionProvider, MantineProvider } from '@mantine/core';
import { LocaleProvider, type Lang } from '../i18n/locale';
import { DayInput } from './DayInput';

const render = (lang: Lang, value: string | undefined) =>
  renderToString(
    <LocaleProvider lang={lang}>
      <DirectionProvider initialDirection={lang === 'ar' ? 'rtl' : 'ltr'} detectDirection={false}>
        <MantineProvider>
          <DayInput label="from" value={value} onChange={() => undefined} />
        </MantineProvider>
      </DirectionProvider>
    </LocaleProvider>,
  );

describe('DayInput', () => {
  it('shows the day with the month named in the desk language, not the browser locale', () => {
    expect(render('ar', '2026-10-23')).toContain('value="23 أكتوبر 2026"');
    expect(render('en', '2026-10-23')).toContain('value="23 October 2026"');
  });
  it('is a text box with a hint in the desk language when empty (never "mm/dd/yyyy")', () => {
    const html = render('ar', undefined);
    expect(html).not.toContain('type="date"');
    expect(html).toContain('placeholder="اختر تاريخاً"');
    expect(html).not.toMatch(/mm\/dd/i);
  });
});
