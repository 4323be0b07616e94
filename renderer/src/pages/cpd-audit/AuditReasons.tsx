import { Badge, Stack, Text } from '@mantine/core';
import type { CpdAuditReason } from '../../../../shared/domain';
import { useLocale } from '../../i18n/locale';
import { fill } from '../../i18n/fill';
import { BidiText } from '../../components/BidiText';

/** Why a renewal is in the CPD audit, each reason spelled out: the sample it was drawn in, or the signal and what it saw. */
export function AuditReasons({ reasons, full = false }: { reasons: CpdAuditReason[]; full?: boolean }) {
  const { t, pick } = useLocale();
  return (
    <Stack gap={4}>
      {reasons.map((r) =>
        r.kind === 'sampled' ? (
          <div key="sampled">
            <Badge variant="light" color="blue">
              {t('cpdSampledShort')}
            </Badge>
            {full && (
              <Text size="sm">{fill(t('cpdSampled'), { start: r.periodStart, end: r.periodEnd, seed: r.seed, percent: String(r.percent) })}</Text>
            )}
          </div>
        ) : (
          <div key={r.signal}>
            <Text size="sm" fw={700} c="orange.9">
              {pick(r.title)}
            </Text>
            <Text size="sm">
              <BidiText text={pick(r.explanation)} />
            </Text>
          </div>
        ),
      )}
    </Stack>
  );
}
