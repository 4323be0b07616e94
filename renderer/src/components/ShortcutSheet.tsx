import { Kbd, Modal, Table } from '@mantine/core';
import { useLocale } from '../i18n/locale';
import type { MessageKey } from '../i18n/messages';

const KEYS: Array<[string, MessageKey]> = [
  ['Ctrl K', 'kPalette'],
  ['?', 'kSheet'],
  ['/', 'kSearch'],
  ['j / k  ↓ / ↑', 'kMove'],
  ['Enter', 'kOpen'],
  ['n', 'kNextCase'],
  ['c', 'kClaim'],
  ['r', 'kReturn'],
  ['y  Shift A', 'kApprove'],
  ['x', 'kReject'],
  ['x  Shift X', 'kSelectRows'],
  ['Ctrl Enter', 'kSend'],
  ['q', 'kRefer'],
  ['a / p', 'kAttachment'],
  ['g  [ / ]', 'kPages'],
  ['1 … 7', 'kTabs'],
];

/** "?" shows every key the desk answers to. */
export function ShortcutSheet({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useLocale();
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts')} centered>
      <Table aria-label={t('shortcuts')}>
        <Table.Tbody>
          {KEYS.map(([keys, label]) => (
            <Table.Tr key={keys}>
              <Table.Td w={140} dir="ltr">
                {keys.split('  ').map((k) => (
                  <Kbd key={k} me={4}>
                    {k}
                  </Kbd>
                ))}
              </Table.Td>
              <Table.Td>{t(label)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
