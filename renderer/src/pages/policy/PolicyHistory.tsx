import { Badge, List, Paper, Stack, Text } from '@mantine/core';
import { SERVICE_LABELS, TERMS, type PolicyVersionView, type Service } from '../../../../shared/domain';
import { useLocale } from '../../i18n/locale';
import { useMoney } from '../../components/money';
import { FEE_PART_LABELS, NUMBER_FIELDS, PART_LABELS } from './policy-fields';
import { BidiParts } from '../../components/BidiText';
import { fill } from '../../i18n/fill';

/** Every saved version, newest first: who, when, the note, and each value it changed (before → after). */
export function PolicyHistory({ versions, current }: { versions: PolicyVersionView[]; current: number }) {
  const { t, pick, lang, formatDateTime } = useLocale();
  const money = useMoney();

  const describe = (path: string): string => {
    const [head, ...rest] = path.split('.');
    const field = NUMBER_FIELDS.find((f) => f.key === head);
    if (field) return t(field.label);
    const part = PART_LABELS[head as keyof typeof PART_LABELS];
    const names = rest.map((seg) => {
      if (head === 'fees' && seg in SERVICE_LABELS) return pick(SERVICE_LABELS[seg as Service]);
      if (head === 'fees' && FEE_PART_LABELS[seg]) return t(FEE_PART_LABELS[seg]);
      if (head === 'cpdHours') return (TERMS.categories as Record<string, { ar: string; en: string }>)[seg]?.[lang] ?? seg;
      return seg;
    });
    return [part ? t(part) : head, ...names].join(' · ');
  };
  const show = (path: string, v: unknown): string => {
    if (v === undefined || v === null) return '—';
    if (path.startsWith('fees.') && typeof v === 'number') return money.halalas(v);
    if (path.startsWith('fees.') && typeof v === 'object') {
      const fee = v as Record<string, number>;
      return Object.entries(fee)
        .map(([k, x]) => `${FEE_PART_LABELS[k] ? t(FEE_PART_LABELS[k]) : k} ${money.halalas(x)}`)
        .join('، ');
    }
    if (path === 'generalRefundRate' && typeof v === 'number') return `${Math.round(v * 100)}%`;
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  };

  return (
    <Stack gap="sm">
      {[...versions]
        .sort((a, b) => b.version - a.version)
        .map((v) => (
          <Paper key={v.version} withBorder p="sm" aria-label={`${t('polVersion')} ${v.version}`}>
            <Stack gap={4}>
              <Text fw={700}>
                <BidiParts parts={[`${t('polVersion')} ${v.version}`, formatDateTime(v.createdAt), v.createdBy ?? t('polShipped')]} />
                {v.version === current && (
                  <Badge ms="xs" variant="light">
                    {t('polInForce')}
                  </Badge>
                )}
                {(v.state === 'proposed' || v.state === 'withdrawn') && (
                  <Badge ms="xs" variant="light" color={v.state === 'proposed' ? 'yellow' : 'gray'}>
                    {t(v.state === 'proposed' ? 'pwStateProposed' : 'pwStateWithdrawn')}
                  </Badge>
                )}
                {v.activatedBy && v.activatedBy !== v.createdBy && (
                  <Text span size="sm" fw={400} ms="xs">
                    {fill(t('pwActivatedBy'), { by: v.activatedBy })}
                  </Text>
                )}
              </Text>
              {/* The shipped version's note is the desk's own (both languages in one string): worded from the dictionary instead. */}
              {v.createdBy === null ? (
                <Text size="sm">{t('polSample')}</Text>
              ) : (
                v.note && (
                  <Text size="sm" dir="auto">
                    {v.note}
                  </Text>
                )
              )}
              {v.changes.length > 0 ? (
                <List size="sm" spacing={2}>
                  {v.changes.map((c) => (
                    <List.Item key={c.path}>
                      <Text span size="sm" fw={600}>
                        {describe(c.path)}
                      </Text>
                      {': '}
                      <bdi>{show(c.path, c.from)}</bdi>
                      {/* Read in the page's direction: before, then after. */ lang === 'ar' ? ' ← ' : ' → '}
                      <bdi>{show(c.path, c.to)}</bdi>
                    </List.Item>
                  ))}
                </List>
              ) : (
                <Text size="xs" c="dimmed">
                  {v.version === Math.min(...versions.map((x) => x.version)) ? t('polFirstVersion') : t('polNoChanges')}
                </Text>
              )}
            </Stack>
          </Paper>
        ))}
    </Stack>
  );
}
