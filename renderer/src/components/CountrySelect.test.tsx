import { describe, expect, it } from 'vitest';
import { renderToString } from 'react-dom/server';
import { MantineProvider } from '@mantine/core';
import { LocaleProvider, type Lang } from '../i18n/locale';
import { CountrySelect } from './CountrySelect';

const render = (lang: Lang, value: string | undefined) =>
  renderToString(
    <LocaleProvider lang={lang}>
      <MantineProvider>
        <CountrySelect label="nationality" value={value} onChange={() => undefined} />
      </MantineProvider>
    </LocaleProvider>,
  );

describe('CountrySelect', () => {
  it('shows the chosen code as the country name in the language on screen', () => {
    expect(render('ar', 'PK')).toContain('value="باكستان"');
    expect(render('en', 'PK')).toContain('value="Pakistan"');
    // The code itself only travels in the hidden form field.
    expect(render('ar', 'SA')).toContain('value="المملكة العربية السعودية"');
  });
});
