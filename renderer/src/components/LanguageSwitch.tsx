import { Button } from '@mantine/core';
import { useLocale } from '../i18n/locale';

export function LanguageSwitch() {
  const { lang, setLang, t } = useLocale();
  return (
    <Button variant="subtle" size="compact-sm" onClick={() => setLang(lang === 'ar' ? 'en' : 'ar')} lang={lang === 'ar' ? 'en' : 'ar'}>
      {t('language')}
    </Button>
  );
}
