/**
 * Short confirmations that outlive the page they were raised on ("Returned REQ-… to the applicant", then the
 * next request opens): Mantine's notifications, at the bottom corner on the reading side's end; each closes
 * by itself, longer ones after as long as they take to read.
 */
import { Notifications, notifications } from '@mantine/notifications';
import '@mantine/notifications/styles.css';
import { useLocale } from '../../i18n/locale';

type ToastColor = 'teal' | 'yellow' | 'red';

/** The text in the language shown now (the reader may switch while it is on screen). */
function ToastText({ text }: { text: { ar: string; en: string } }) {
  const { lang } = useLocale();
  return <>{text[lang]}</>;
}

/** Shows `text` for a few seconds. */
export function toast(text: { ar: string; en: string }, color: ToastColor = 'teal'): void {
  notifications.show({
    message: <ToastText text={text} />,
    color,
    withBorder: true,
    autoClose: 4000 + 40 * text.en.length,
    'data-testid': 'desk-toast',
    // A close button with a name (axe): in the page's language at the time it is shown.
    closeButtonProps: { 'aria-label': document.documentElement.lang === 'en' ? 'Close' : 'إغلاق' },
  });
}

/** Where the toasts are drawn: once, inside the signed-in frame (so they read the desk's language). */
export function DeskToasts() {
  const { dir } = useLocale();
  return <Notifications position={dir === 'rtl' ? 'bottom-left' : 'bottom-right'} limit={3} zIndex={400} />;
}
