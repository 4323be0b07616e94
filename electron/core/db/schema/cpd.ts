/** CPD activities and their audit (0150). */
import type { Generated } from 'kysely';
import type { CpdDecision, CpdReason } from '../../../../shared/domain';

export interface CpdActivitiesTable {
  id: Generated<number>;
  request_id: number;
  title: string;
  provider: string;
  hours: number;
  date: string;
  kind: string;
}
/** 0150: a period's random sample of renewals for CPD audit, with the seed it was drawn with. */
export interface CpdSamplesTable {
  id: Generated<number>;
  period_start: string;
  period_end: string;
  seed: string;
  percent: number;
  population: number;
  population_digest: string;
  sampled: number;
  triggered: number;
  drawn_by: number | null;
  drawn_at: string;
}
/** 0150: a renewal in the CPD audit: sampled and/or flagged (`reasons`, JSON), until every activity is decided. */
export interface CpdAuditsTable {
  request_id: number;
  sample_id: number | null;
  reasons: string;
  opened_at: string;
  completed_at: string | null;
  completed_by: number | null;
}
/** 0150: one decision per CPD activity (the key refuses a second). */
export interface CpdActivityDecisionsTable {
  activity_id: number;
  request_id: number;
  decision: CpdDecision;
  reason_code: CpdReason;
  note: string | null;
  decided_by: number;
  decided_at: string;
}
