import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { QueueId } from '../../../../shared/domain';
import { useSession } from '../../api/session';
import type { ShownError } from '../../components/errors';
import { MESSAGES } from '../../i18n/messages';
import { useOpenClaimed } from '../../components/flow/open-claimed';
import type { RowSelection } from './use-row-selection';

/** Claiming from a queue: the next request (key n), or the rows selected; what the desk refused is said in `claimError`. */
export function useClaims(queue: QueueId, selection: RowSelection) {
  const { client } = useSession();
  const queryClient = useQueryClient();
  const [claimError, setClaimError] = useState<ShownError>(null);
  const openClaimed = useOpenClaimed();

  async function claimNext() {
    setClaimError(null);
    try {
      // In New or Resubmitted it takes from that queue only.
      const c = await client.call('cases.claimNext', queue === 'new' || queue === 'resubmitted' ? { queue } : {});
      if (!openClaimed(c)) setClaimError(MESSAGES.nothingToClaim);
    } catch (e) {
      setClaimError(e);
    }
  }

  async function claimSelected() {
    setClaimError(null);
    const items = [...selection.selected].map(([id, version]) => ({ id, version }));
    try {
      const r = await client.call('cases.claimMany', { items });
      if (r.refused.length)
        setClaimError({
          ar: r.refused.map((x) => x.messageAr ?? x.message).join(' · '),
          en: r.refused.map((x) => x.message).join(' · '),
        });
      selection.clear();
      await queryClient.invalidateQueries();
    } catch (e) {
      setClaimError(e);
    }
  }

  return { claimError, claimNext, claimSelected };
}
