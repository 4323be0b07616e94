import { NumberInput, Table, Text } from '@mantine/core';
import { SERVICES, SERVICE_LABELS, type Fee, type Policy, type Service } from '../../../../shared/domain';
import { useLocale } from '../../i18n/locale';
import { useMoney } from '../../components/money';

type Fees = Policy['fees'];

/** Riyals as typed (two decimals) ↔ halalas as stored. */
const toRiyals = (h: number | undefined) => (h === undefined ? '' : h / 100);
const toHalalas = (v: number | string) => (v === '' || v === undefined ? undefined : Math.round(Number(v) * 100));

/**
 * The fee of each service in SAR with halalas: service fee, the administrative part (never refunded)
 * and, for renewals filed late, a fee per started month. A service with nothing set costs nothing.
 */
export function FeeScheduleEditor({ fees, onChange, readOnly }: { fees: Fees; onChange: (f: Fees) => void; readOnly: boolean }) {
  const { t, pick } = useLocale();
  const money = useMoney();
  const set = (service: Service, part: keyof Fee, value: number | string) => {
    const before: Fee = fees[service] ?? { service: 0, administrative: 0 };
    const next: Fee = { ...before, [part]: toHalalas(value) ?? (part === 'latePerMonth' ? undefined : 0) };
    if (next.latePerMonth === undefined) delete next.latePerMonth;
    const copy = { ...fees };
    // A row cleared back to nothing leaves the schedule as it was rather than adding zeros.
    if (next.service === 0 && next.administrative === 0 && next.latePerMonth === undefined) delete copy[service];
    else copy[service] = next;
    onChange(copy);
  };
  const input = (service: Service, part: keyof Fee, label: string) =>
    readOnly ? (
      <Text size="sm" c={fees[service]?.[part] === undefined ? 'dimmed' : undefined} style={{ whiteSpace: 'nowrap' }}>
        {fees[service]?.[part] === undefined ? '—' : money.halalas(fees[service]![part]!)}
      </Text>
    ) : (
      <NumberInput
        aria-label={`${label} · ${pick(SERVICE_LABELS[service])}`}
        value={toRiyals(fees[service]?.[part])}
        onChange={(v) => set(service, part, v)}
        min={0}
        max={1_000_000}
        decimalScale={2}
        fixedDecimalScale
        allowNegative={false}
        hideControls
        placeholder="0.00"
        thousandSeparator=","
        dir="ltr"
        w={130}
      />
    );
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped aria-label={t('polFees')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('service')}</Table.Th>
            <Table.Th>{t('polServiceFee')}</Table.Th>
            <Table.Th>{t('polAdministrative')}</Table.Th>
            <Table.Th>{t('polLatePerMonth')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {SERVICES.map((s) => (
            <Table.Tr key={s}>
              <Table.Td>
                <Text size="sm">{pick(SERVICE_LABELS[s])}</Text>
                {!fees[s] && (
                  <Text size="xs" c="dimmed">
                    {t('polNoFee')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{input(s, 'service', t('polServiceFee'))}</Table.Td>
              <Table.Td>{input(s, 'administrative', t('polAdministrative'))}</Table.Td>
              <Table.Td>{input(s, 'latePerMonth', t('polLatePerMonth'))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
