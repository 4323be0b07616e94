import { useState } from 'react';
import { Alert, Button, FileButton, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { TERMS, type AttachmentView, type CaseFinance, type InvoiceView } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { errorText, type ShownError } from './errors';
import { parseRiyals, useMoney } from './money';
import { DayInput } from './DayInput';

const riyadhToday = () => new Date(Date.now() + 3 * 3_600_000).toISOString().slice(0, 10);

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * A bank transfer recorded from its proof (maker): the amount in SAR with halalas, the day it was paid,
 * the transfer's reference, and the proof (one of the case's attachments, or a file uploaded now). It
 * counts toward the invoice only once another finance officer confirms it.
 */
export function ManualPaymentForm({
  invoice,
  attachments,
  onRecorded,
}: {
  invoice: InvoiceView;
  attachments: AttachmentView[];
  onRecorded: (f: CaseFinance) => void;
}) {
  const { client } = useSession();
  const { t, lang, formatDate } = useLocale();
  const money = useMoney();
  const [amount, setAmount] = useState(invoice.remaining > 0 ? invoice.remaining.toFixed(2) : '');
  const [paidOn, setPaidOn] = useState(riyadhToday());
  const [transferReference, setTransferReference] = useState('');
  const [proofKind, setProofKind] = useState<'attachment' | 'upload'>(attachments.length ? 'attachment' : 'upload');
  // A proof of payment the applicant attached comes first.
  const sorted = [...attachments].sort((a, b) => Number(b.kind === 'payment_proof') - Number(a.kind === 'payment_proof'));
  const [attachmentId, setAttachmentId] = useState<string | null>(sorted.find((a) => a.kind === 'payment_proof')?.id.toString() ?? null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError>(null);
  const halalas = parseRiyals(amount);
  const proofReady = proofKind === 'attachment' ? attachmentId !== null : file !== null;
  const ready = halalas !== null && halalas > 0 && /^\d{4}-\d{2}-\d{2}$/.test(paidOn) && transferReference.trim() !== '' && proofReady;

  async function submit() {
    if (!ready || halalas === null) return;
    setBusy(true);
    setError(null);
    try {
      const proof = proofKind === 'attachment' ? { attachmentId: Number(attachmentId) } : { fileName: file!.name, data: await toBase64(file!) };
      onRecorded(
        await client.call('payments.recordManual', {
          invoiceId: invoice.id,
          amountHalalas: halalas,
          paidOn,
          transferReference: transferReference.trim(),
          proof,
        }),
      );
      setTransferReference('');
      setFile(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="sm" component="section" aria-label={t('finRecordTransfer')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="xs">
          <Title order={4} size="h6">
            {`${t('finRecordTransfer')} · `}
            <bdi dir="ltr">{invoice.number}</bdi>
          </Title>
          <Text size="xs" c="dimmed">
            {t('finRecordTransferHelp')}
          </Text>
          <Group align="start" wrap="wrap">
            <TextInput
              label={t('finAmountSar')}
              value={amount}
              onChange={(e) => setAmount(e.currentTarget.value)}
              error={amount.trim() && halalas === null ? t('finAmountFormat') : undefined}
              description={halalas !== null ? money.halalas(halalas) : undefined}
              inputMode="decimal"
              dir="ltr"
              w={170}
              required
            />
            <DayInput
              label={t('finPaidOn')}
              value={paidOn}
              onChange={(d) => setPaidOn(d ?? '')}
              description={/^\d{4}-\d{2}-\d{2}$/.test(paidOn) ? formatDate(paidOn) : undefined}
              required
            />
            <TextInput
              label={t('finTransferReference')}
              value={transferReference}
              onChange={(e) => setTransferReference(e.currentTarget.value)}
              maxLength={64}
              dir="ltr"
              w={220}
              required
            />
          </Group>
          <SegmentedControl
            value={proofKind}
            onChange={(v) => setProofKind(v as 'attachment' | 'upload')}
            data={[
              { value: 'attachment', label: t('finProofFromAttachments'), disabled: attachments.length === 0 },
              { value: 'upload', label: t('finProofUpload') },
            ]}
            aria-label={t('finProof')}
            style={{ alignSelf: 'flex-start' }}
          />
          {proofKind === 'attachment' ? (
            <Select
              label={t('finProof')}
              data={sorted.map((a) => ({
                value: String(a.id),
                label: `${(TERMS.attachment_kinds as Record<string, { ar: string; en: string }>)[a.kind]?.[lang] ?? a.kind} · ${a.fileName}`,
              }))}
              value={attachmentId}
              onChange={setAttachmentId}
              maw={480}
              required
            />
          ) : (
            <Group>
              <FileButton onChange={setFile} accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png">
                {(props) => (
                  <Button variant="default" {...props}>
                    {t('finChooseProofFile')}
                  </Button>
                )}
              </FileButton>
              <Text size="sm" dir="ltr">
                {file?.name ?? ''}
              </Text>
            </Group>
          )}
          {error !== null && <Alert color="red">{errorText(error, lang)}</Alert>}
          <Button type="submit" loading={busy} disabled={!ready} style={{ alignSelf: 'flex-start' }}>
            {t('finRecordTransfer')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
