/**
 * The duplicate and document signals (dupes), in the order a reviewer reads them: who the applicant is,
 * then their files. ON_INDEX_ONLY are those answered from the indexes alone (no file read): the dashboard
 * counts them for every request of a period.
 */
import type { IntegritySignal } from './signal';
import { duplicateId } from './duplicate-id';
import { duplicatePerson } from './duplicate-person';
import { reusedAttachment } from './reused-attachment';
import { similarPhoto } from './similar-photo';
import { pdfFacts } from './pdf-facts';

export const IDENTITY_SIGNALS: IntegritySignal[] = [duplicateId, duplicatePerson, reusedAttachment, similarPhoto, pdfFacts];

export const ON_INDEX_ONLY: IntegritySignal[] = [duplicateId, duplicatePerson, reusedAttachment, similarPhoto];
