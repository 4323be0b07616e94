/** Test helpers for the eligibility rules: one rule's result on a varied good request. */
import { samplePolicy } from '../../policy/sample-policy';
import { checkEligibility } from '../eligibility';
import type { RequestFacts } from '../types';
import { goodRequest } from './good-request';

const policy = samplePolicy();

/** The result of `rule` on `facts`, under the sample policy. */
export const outcome = (facts: RequestFacts, rule: string) => checkEligibility(facts, policy).find((r) => r.rule === rule)!;
/** The good request's applicant with `over` changed. */
export const applicant = (over: Partial<RequestFacts['applicant']>) => ({ ...goodRequest().applicant, ...over });
/** A good request (with `over`) whose attachments `f` changes. */
export const withAttachments = (f: (a: RequestFacts['attachments']) => RequestFacts['attachments'], over: Partial<RequestFacts> = {}) => {
  const base = goodRequest(over);
  return { ...base, attachments: f(base.attachments) };
};
