import type { AttachmentView } from '../../../../shared/domain';

/**
 * The version a resubmitted attachment replaced: the same kind from the latest earlier submission
 * round (an attachment's `version` is the round it came with, electron/core/intake/import-bundle.ts).
 * Where that round had several of the kind (CPD certificates), the one with the same file name, else
 * the one in the same position among them. Null for a first submission or a kind that is new.
 */
export function earlierVersionOf(attachments: readonly AttachmentView[], current: AttachmentView): AttachmentView | null {
  const sameKind = attachments.filter((a) => a.kind === current.kind);
  const earlierRounds = sameKind.filter((a) => a.version < current.version).map((a) => a.version);
  if (earlierRounds.length === 0) return null;
  const round = Math.max(...earlierRounds);
  const candidates = sameKind.filter((a) => a.version === round);
  const byName = candidates.find((a) => a.fileName === current.fileName);
  if (byName) return byName;
  const position = sameKind.filter((a) => a.version === current.version).findIndex((a) => a.id === current.id);
  return candidates[Math.min(Math.max(position, 0), candidates.length - 1)] ?? null;
}
