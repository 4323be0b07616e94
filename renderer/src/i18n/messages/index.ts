import { APPLICANT_HISTORY_MESSAGES } from './applicant-history';
import { AUDIT_MESSAGES } from './audit';
import { CARD_VERIFY_MESSAGES } from './card-verify';
import { CARD_MESSAGES } from './cards';
import { CASE_MESSAGES } from './case';
import { COMMON_MESSAGES } from './common';
import { CPD_AUDIT_MESSAGES } from './cpd-audit';
import { DASHBOARD_MESSAGES } from './dashboard';
import { DECISION_MESSAGES } from './decisions';
import { DELIVERY_MESSAGES } from './delivery';
import { FINANCE_MESSAGES } from './finance';
import { INTAKE_MESSAGES } from './intake';
import { POLICY_MESSAGES } from './policy';
import { QUEUE_MESSAGES } from './queue';
import { REFERRAL_MESSAGES } from './referrals';
import { REFUND_MESSAGES } from './refunds';
import { SETTINGS_MESSAGES } from './settings';
import { SHELL_MESSAGES } from './shell';
import { SIGNAL_MESSAGES } from './signals';
import { SLA_MESSAGES } from './sla';
import { USER_MESSAGES } from './users';
import { VIEWER_MESSAGES } from './viewer';

/**
 * The desk's own UI wording, one file per area of the desk so each is edited apart from the rest;
 * domain terms (statuses, queues, actions…) come from shared/domain/terms.json. A key is worded in
 * one area only (index.test.ts): a second spread of the same key would silently win here.
 */
export const MESSAGES = {
  ...COMMON_MESSAGES,
  ...SHELL_MESSAGES,
  ...QUEUE_MESSAGES,
  ...CASE_MESSAGES,
  ...DECISION_MESSAGES,
  ...REFERRAL_MESSAGES,
  ...SLA_MESSAGES,
  ...VIEWER_MESSAGES,
  ...APPLICANT_HISTORY_MESSAGES,
  ...FINANCE_MESSAGES,
  ...REFUND_MESSAGES,
  ...POLICY_MESSAGES,
  ...CPD_AUDIT_MESSAGES,
  ...SIGNAL_MESSAGES,
  ...INTAKE_MESSAGES,
  ...CARD_MESSAGES,
  ...CARD_VERIFY_MESSAGES,
  ...DELIVERY_MESSAGES,
  ...DASHBOARD_MESSAGES,
  ...USER_MESSAGES,
  ...AUDIT_MESSAGES,
  ...SETTINGS_MESSAGES,
} as const;

export type MessageKey = keyof typeof MESSAGES;
