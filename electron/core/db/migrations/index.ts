import type { Migration } from 'kysely';
import * as m0010 from './0010-initial';
import * as m0020 from './0020-search-index';
import * as m0030 from './0030-refund-workflow';
import * as m0040 from './0040-queue-indexes';
import * as m0050 from './0050-search-fts';
import * as m0060 from './0060-print-centre';
import * as m0070 from './0070-report-indexes';
import * as m0080 from './0080-signing-keys';
import * as m0090 from './0090-money';
import * as m0100 from './0100-user-administration';
import * as m0110 from './0110-outbox-delivery';
import * as m0120 from './0120-blob-store';
import * as m0130 from './0130-integrity-signals';
import * as m0140 from './0140-document-dates';
import * as m0150 from './0150-cpd-audit';
import * as m0160 from './0160-policy-activation';
import * as m0170 from './0170-sla-due';
import * as m0180 from './0180-referrals';
import * as m0190 from './0190-saved-views';
import * as m0200 from './0200-trigram-in-public';
import * as m0210 from './0210-queue-counts';
import * as m0220 from './0220-dashboard-days';
import * as m0240 from './0240-postgres-queue-indexes';
import * as m0241 from './0241-postgres-search-walk';
import * as m0249 from './0249-latest-approval-index';
import * as m0250 from './0250-return-reasons-index';
import * as m0260 from './0260-first-signer';

/** Every migration, in order. Names are frozen once released; a new change is a new entry at the end. */
export const MIGRATIONS: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['0010-initial', m0010],
  ['0020-search-index', m0020],
  ['0030-refund-workflow', m0030],
  ['0040-queue-indexes', m0040],
  ['0050-search-fts', m0050],
  ['0060-print-centre', m0060],
  ['0070-report-indexes', m0070],
  ['0080-signing-keys', m0080],
  ['0090-money', m0090],
  ['0100-user-administration', m0100],
  ['0110-outbox-delivery', m0110],
  ['0120-blob-store', m0120],
  ['0130-integrity-signals', m0130],
  ['0140-document-dates', m0140],
  ['0150-cpd-audit', m0150],
  ['0160-policy-activation', m0160],
  ['0170-sla-due', m0170],
  ['0180-referrals', m0180],
  ['0190-saved-views', m0190],
  ['0200-trigram-in-public', m0200],
  ['0210-queue-counts', m0210],
  ['0220-dashboard-days', m0220],
  ['0240-postgres-queue-indexes', m0240],
  ['0241-postgres-search-walk', m0241],
  ['0249-latest-approval-index', m0249],
  ['0250-return-reasons-index', m0250],
  ['0260-first-signer', m0260],
];
