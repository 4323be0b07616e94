/** What the desk issues: documents, cards and their prints, the keys that sign them, and the policy they follow. */
import type { ColumnType, Generated } from 'kysely';
import type { CardStatus, StoredPolicyStatus } from '../../../../shared/domain';

export interface PolicyTable {
  version: number;
  data: string;
  note: string;
  created_by: number | null;
  created_at: string;
  /** 0160: a version is `proposed` until a second admin activates it; `withdrawn` never took effect. */
  status: ColumnType<StoredPolicyStatus, StoredPolicyStatus | undefined, StoredPolicyStatus>;
  activated_by: number | null;
  activated_at: string | null;
}
export interface IssuedDocumentsTable {
  id: Generated<number>;
  request_id: number;
  file_name: string;
  sha256: string;
  pdf: Uint8Array;
  issued_at: string;
  issued_by: number | null;
}
export interface CardsTable {
  id: Generated<number>;
  request_id: number;
  number: string;
  issued_at: string;
  expires_at: string;
  status: CardStatus;
  replaces_card_id: number | null;
  printed_at: string | null;
  delivery: string | null;
}
export interface SigningKeysTable {
  /** SHA-256 of the public key (SPKI DER), hex. */
  fingerprint: string;
  public_key: string;
  registered_at: string;
  revoked_at: string | null;
}
export interface CardPrintsTable {
  id: Generated<number>;
  card_id: number;
  at: string;
  actor_id: number | null;
  layout: string;
  reason: string | null;
}
