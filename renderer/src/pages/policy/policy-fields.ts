import type { Policy } from '../../../../shared/domain';
import type { MessageKey } from '../../i18n/messages';

/** The policy's single numbers, in the order the page shows them, with their label and unit. */
export const NUMBER_FIELDS: Array<{ key: keyof Policy & string; label: MessageKey; unit: MessageKey; min?: number; max?: number; scale?: number }> = [
  { key: 'paymentWindowDays', label: 'polPaymentWindow', unit: 'unitDays', min: 1, max: 365 },
  { key: 'returnWindowDays', label: 'polReturnWindow', unit: 'unitDays', min: 1 },
  { key: 'slaWorkingDays', label: 'polSla', unit: 'unitWorkingDays', min: 1 },
  { key: 'refundWindowMonths', label: 'polRefundWindow', unit: 'unitMonths', min: 1 },
  { key: 'refundSubmissionWindowMonths', label: 'polRefundSubmissionWindow', unit: 'unitMonths', min: 1 },
  { key: 'generalRefundRate', label: 'polGeneralRefundRate', unit: 'unitPercent', min: 0, max: 100, scale: 100 },
  { key: 'renewalWindowMonths', label: 'polRenewalWindow', unit: 'unitMonths', min: 1 },
  { key: 'employerLetterMaxAgeMonths', label: 'polEmployerLetterAge', unit: 'unitMonths', min: 1 },
  { key: 'medicalReportAge', label: 'polMedicalReportAge', unit: 'unitYearsOfAge', min: 1 },
  { key: 'cardValidityYears', label: 'polCardValidity', unit: 'unitYears', min: 1, max: 10 },
  { key: 'maxAttachmentBytes', label: 'polMaxAttachment', unit: 'unitMegabytes', min: 1, scale: 1 / (1024 * 1024) },
  { key: 'sessionIdleMinutes', label: 'polSessionIdle', unit: 'unitMinutes', min: 1, max: 1440 },
  { key: 'backupIntervalHours', label: 'polBackupInterval', unit: 'unitHours', min: 1, max: 168 },
  { key: 'backupKeep', label: 'polBackupKeep', unit: 'unitCopies', min: 1, max: 365 },
  { key: 'duplicateBirthToleranceYears', label: 'polDuplicateBirthTolerance', unit: 'unitYears', min: 0, max: 20 },
  { key: 'employerLetterDateToleranceDays', label: 'polLetterDateTolerance', unit: 'unitDays', min: 0, max: 60 },
];

/** Labels of the other top-level parts, for the history's "what changed". */
export const PART_LABELS: Partial<Record<keyof Policy, MessageKey>> = {
  fees: 'polFees',
  feeExemptions: 'polExemptions',
  fourEyesServices: 'polFourEyes',
  cpdHours: 'polCpdHours',
  sample: 'polSample',
};

export const FEE_PART_LABELS: Record<string, MessageKey> = {
  service: 'polServiceFee',
  administrative: 'polAdministrative',
  latePerMonth: 'polLatePerMonth',
};
