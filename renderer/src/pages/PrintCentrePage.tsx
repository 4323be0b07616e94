import { useCallback, useMemo, useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Modal, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { TERMS, type PrintQueueRow } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { errorText } from '../components/errors';
import { PdfPreviewModal } from '../components/PdfPreviewModal';
import { DeliveryForm } from '../components/DeliveryForm';
import { countText } from '../i18n/counts';
import { useRowsAtATime } from '../components/rows-at-a-time';
import { PrintQueueTable, type PrintStage } from './print/PrintQueueTable';
import { RefusedList, type RefusedCard } from './print/RefusedList';
import { ReprintReasonModal } from './print/ReprintReasonModal';

type Layout = 'cr80' | 'a4';

/**
 * The card clerk's page: preview cards singly or in batches (the preview issues nothing), confirm
 * printing (numbers issued, prints recorded, the cards to print opened), reprint with a reason, record delivery.
 */
export function PrintCentrePage() {
  const { client } = useSession();
  const { t, pick, lang, formatNumber } = useLocale();
  const queryClient = useQueryClient();
  const [stage, setStage] = useState<PrintStage>('ready');
  const [search, setSearch] = useState('');
  const [layout, setLayout] = useState<Layout>('cr80');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [preview, setPreview] = useState<{ url: string; fileName: string; cards: string[]; ids: number[]; reprintReason?: string } | null>(null);
  /** The cards just confirmed: the file to send to the printer, and any the desk refused. */
  const [confirmed, setConfirmed] = useState<{ url: string | null; fileName: string | null; cards: string[]; refused: RefusedCard[] } | null>(null);
  const [reprintAsk, setReprintAsk] = useState(false);
  const [reason, setReason] = useState('');
  const [delivering, setDelivering] = useState<PrintQueueRow | null>(null);

  const rows = useQuery({
    queryKey: ['print.queue', stage, search],
    queryFn: () => client.call('print.queue', { stage, ...(search.trim() ? { search: search.trim() } : {}) }),
  });
  const refresh = async () => {
    setSelected(new Set());
    await queryClient.invalidateQueries({ queryKey: ['print.queue'] });
    await queryClient.invalidateQueries({ queryKey: ['queues.counts'] });
  };
  // The preview reads only; the reason of a reprint travels with it to the confirmation.
  const print = useMutation({
    mutationFn: (input: { ids: number[]; reprintReason?: string }) => client.call('print.cards', { requestIds: input.ids, layout }),
    onSuccess: (r, input) => {
      setPreview({ ...r, ids: input.ids, ...(input.reprintReason ? { reprintReason: input.reprintReason } : {}) });
      setReprintAsk(false);
      setReason('');
    },
  });
  const markPrinted = useMutation({
    mutationFn: (input: { items: Array<{ id: number; version: number }>; reprintReason?: string }) =>
      client.call('print.markPrinted', { items: input.items, layout, ...(input.reprintReason ? { reprintReason: input.reprintReason } : {}) }),
    onSuccess: async (r) => {
      setPreview(null);
      setConfirmed(r);
      await refresh();
    },
  });

  const list = useMemo(() => rows.data ?? [], [rows.data]);
  // The first hundred drawn; "select all" picks the rows drawn (components/rows-at-a-time.tsx).
  const { drawn, more } = useRowsAtATime(list, `${stage}|${search.trim()}`);
  const chosen = list.filter((r) => selected.has(r.id));
  const allChosen = drawn.length > 0 && drawn.every((r) => selected.has(r.id));
  // Stable callbacks: the table (memoised) is drawn again only when its rows or the selection change.
  const toggle = useCallback(
    (id: number) =>
      setSelected((s) => {
        const next = new Set(s);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  const toggleAll = useCallback(() => setSelected(allChosen ? new Set() : new Set(drawn.map((r) => r.id))), [allChosen, drawn]);
  /** A card that has a number already is reprinted, also while still ready to print: ask why first. */
  const startPrint = () => {
    if (stage !== 'ready' || chosen.some((r) => r.cardNumber)) setReprintAsk(true);
    else print.mutate({ ids: chosen.map((r) => r.id) });
  };
  const confirmPrinted = () => {
    if (!preview) return;
    const byId = new Map(list.map((r) => [r.id, r]));
    const items = preview.ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [{ id, version: r.version }] : [];
    });
    if (items.length) markPrinted.mutate({ items, ...(preview.reprintReason ? { reprintReason: preview.reprintReason } : {}) });
    else setPreview(null);
  };

  return (
    <Stack>
      <Title order={2} size="h3">
        {t('printCentre')}
      </Title>
      <Group align="end" wrap="wrap">
        <SegmentedControl
          value={stage}
          onChange={(v) => {
            setStage(v as PrintStage);
            setSelected(new Set());
          }}
          data={[
            { value: 'ready', label: pick(TERMS.statuses.ready_to_print) },
            { value: 'printed', label: pick(TERMS.statuses.printed) },
            { value: 'delivered', label: pick(TERMS.statuses.delivered) },
          ]}
        />
        <TextInput label={t('searchPlain')} placeholder={t('printSearchHint')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <Select
          label={t('layout')}
          value={layout}
          onChange={(v) => setLayout((v as Layout | null) ?? 'cr80')}
          data={[
            { value: 'cr80', label: t('layoutCr80') },
            { value: 'a4', label: t('layoutA4') },
          ]}
          allowDeselect={false}
          w={280}
        />
      </Group>
      <Group>
        {stage === 'ready' && (
          <Button disabled={chosen.length === 0} loading={print.isPending} onClick={startPrint}>
            {`${t('printSelected')} (${formatNumber(chosen.length)})`}
          </Button>
        )}
        {stage !== 'ready' && (
          <Button variant="light" disabled={chosen.length === 0} onClick={startPrint}>
            {`${t('reprintSelected')} (${formatNumber(chosen.length)})`}
          </Button>
        )}
        {print.isError && <Alert color="red">{errorText(print.error, lang)}</Alert>}
      </Group>

      {rows.isPending && <Loader role="status" aria-label={t('loading')} />}
      {rows.isError && <Alert color="red">{errorText(rows.error, lang)}</Alert>}
      {rows.data?.length === 0 && <Text c="dimmed">{t('emptyQueue')}</Text>}
      {list.length > 0 && (
        <PrintQueueTable list={drawn} stage={stage} selected={selected} onToggle={toggle} onToggleAll={toggleAll} onDeliver={setDelivering} />
      )}
      {more}

      <ReprintReasonModal
        opened={reprintAsk}
        reason={reason}
        onReason={setReason}
        onClose={() => setReprintAsk(false)}
        onSubmit={() => print.mutate({ ids: chosen.map((r) => r.id), reprintReason: reason })}
        error={print.error}
        loading={print.isPending}
      />

      <PdfPreviewModal
        file={preview}
        title={t('preview')}
        onClose={() => setPreview(null)}
        zoom={layout === 'cr80' ? 0.6 : 1}
        summary={preview && <Badge variant="light" size="lg">{`${countText(lang, 'cards', preview.cards.length)} ${t('inTheFile')}`}</Badge>}
        actions={
          preview && (
            <Button onClick={confirmPrinted} loading={markPrinted.isPending} data-autofocus>
              {`${t('markPrinted')} (${formatNumber(preview.ids.length)})`}
            </Button>
          )
        }
      >
        <Alert color="yellow">{t('previewNotice')}</Alert>
        {markPrinted.isError && <Alert color="red">{errorText(markPrinted.error, lang)}</Alert>}
      </PdfPreviewModal>

      <PdfPreviewModal
        file={confirmed?.url && confirmed.fileName ? { url: confirmed.url, fileName: confirmed.fileName } : null}
        title={t('cardsToPrint')}
        onClose={() => setConfirmed(null)}
        zoom={layout === 'cr80' ? 0.6 : 1}
        summary={confirmed && <Badge variant="light" size="lg">{`${countText(lang, 'cards', confirmed.cards.length)} ${t('inTheFile')}`}</Badge>}
      >
        <Alert color="teal">{t('confirmedNotice')}</Alert>
        {confirmed && confirmed.refused.length > 0 && <RefusedList refused={confirmed.refused} />}
      </PdfPreviewModal>
      {/* Nothing confirmed at all: say why, without a file to show. */}
      <Modal opened={confirmed !== null && !confirmed.url} onClose={() => setConfirmed(null)} title={t('notConfirmed')}>
        {confirmed && <RefusedList refused={confirmed.refused} />}
      </Modal>

      <Modal opened={delivering !== null} onClose={() => setDelivering(null)} title={pick(TERMS.actions.record_delivery)}>
        {delivering && (
          <DeliveryForm
            row={delivering}
            onDone={async () => {
              const delivered = delivering.id;
              setDelivering(null);
              // The card leaves the printed list at once; the lists are read again behind it.
              queryClient.setQueryData<PrintQueueRow[]>(['print.queue', stage, search], (list) => list?.filter((r) => r.id !== delivered));
              await refresh();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
