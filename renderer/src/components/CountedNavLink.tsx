import { Badge, NavLink } from '@mantine/core';
import { useLocale } from '../i18n/locale';
import { countText } from '../i18n/counts';

/**
 * A navigation entry with how many requests wait behind it: filled in `color` while any do, light at
 * zero, nothing until the count is known. Its count is read out as "3 طلبات", not a bare number.
 */
export function CountedNavLink(props: { href: string; label: string; active: boolean; count: number | undefined; color: string; testId: string }) {
  const { lang, formatNumber } = useLocale();
  const n = props.count;
  return (
    <NavLink
      href={props.href}
      label={props.label}
      active={props.active}
      rightSection={
        n !== undefined ? (
          <Badge
            variant={n > 0 ? 'filled' : 'light'}
            color={n > 0 ? props.color : undefined}
            size="sm"
            aria-label={countText(lang, 'requests', n)}
            data-testid={props.testId}
          >
            {formatNumber(n)}
          </Badge>
        ) : null
      }
    />
  );
}
