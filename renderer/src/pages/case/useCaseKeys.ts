import type { AttachmentView } from '../../../../shared/domain';
import { useShortcuts } from '../../shell/useShortcuts';

/** The case's tabs in the order of their keys, 1 to 7 (the "?" sheet). */
export const CASE_TAB_KEYS = ['checks', 'data', 'notes', 'history', 'payments', 'cpd', 'applicant'] as const;
export type CasePageTab = (typeof CASE_TAB_KEYS)[number];

/** Keys on an open request: a and p the next and previous attachment, 1 … 7 a tab. */
export function useCaseKeys({
  attachments,
  shownId,
  onAttachment,
  onTab,
}: {
  attachments: readonly AttachmentView[];
  /** The attachment in the viewer (the first, until one is chosen). */
  shownId: number | null;
  onAttachment(id: number): void;
  onTab(tab: CasePageTab): void;
}): void {
  const step = (by: 1 | -1) => {
    const i = Math.max(
      0,
      attachments.findIndex((x) => x.id === shownId),
    );
    onAttachment(attachments[(i + by + attachments.length) % attachments.length]!.id);
  };
  const some = attachments.length > 0;
  useShortcuts({
    a: some && (() => step(1)),
    p: some && (() => step(-1)),
    ...Object.fromEntries(CASE_TAB_KEYS.map((tab, i) => [String(i + 1), () => onTab(tab)])),
  });
}
