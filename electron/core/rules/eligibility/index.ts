/**
 * The eligibility checks of domain.md's table, exactly as rules.md fixes them, one file per group of rules:
 * identity (ID, nationality, contact), employer, fitness (medical report, declarations), renewal (window, CPD
 * hours) and documents. Pure: plain facts and the policy in, one result per rule out; no database.
 */
import { SERVICE_LABELS } from '../../../../shared/domain';
import type { Policy } from '../../../../shared/domain/policy';
import { calendarDate } from '../../time/riyadh-day';
import type { RequestFacts, RuleResult } from '../types';
import { sourceLabel } from '../sources';
import type { Ctx, Rule } from './rule';
import { contact, idFormat, idNationality } from './identity';
import { employerData, employerLetter, workCertificate } from './employer';
import { ageMedical, questionnaire } from './fitness';
import { cpdHours, renewalWindow } from './renewal';
import { documents, photo } from './documents';

/** In domain.md's order: results are shown, and RULE_IDS listed, in this order. */
const RULES: Rule[] = [
  idFormat,
  idNationality,
  employerLetter,
  ageMedical,
  renewalWindow,
  workCertificate,
  employerData,
  cpdHours,
  questionnaire,
  contact,
  documents,
  photo,
];

export const RULE_IDS = RULES.map((r) => r.id);

/** Runs every rule of domain.md's table; rules that do not apply to the service say so. */
export function checkEligibility(facts: RequestFacts, policy: Policy): RuleResult[] {
  const ctx: Ctx = { policy, submitted: calendarDate(facts.submittedAt) };
  return RULES.map((rule) => {
    if (!rule.appliesTo(facts.service)) {
      return {
        rule: rule.id,
        source: rule.source,
        sourceLabel: sourceLabel(rule.source),
        outcome: 'not_applicable',
        facts: { service: facts.service },
        explanation: { ar: 'لا ينطبق على هذه الخدمة', en: `Does not apply to ${SERVICE_LABELS[facts.service].en}` },
      };
    }
    return { rule: rule.id, source: rule.source, sourceLabel: sourceLabel(rule.source), ...rule.run(facts, ctx) };
  });
}
