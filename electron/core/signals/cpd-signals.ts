/** The CPD risk signals, in the order a reviewer reads them; the CPD audit draw runs these same ones. */
import type { IntegritySignal } from './signal';
import { cpdLateRenewal } from './cpd-late-renewal';
import { cpdDeadlineCramming } from './cpd-deadline-cramming';
import { cpdUnknownProvider } from './cpd-unknown-provider';
import { cpdHoursPerDay } from './cpd-hours-per-day';
import { cpdSameCertificate } from './cpd-same-certificate';

export const CPD_SIGNALS: readonly IntegritySignal[] = [cpdLateRenewal, cpdDeadlineCramming, cpdUnknownProvider, cpdHoursPerDay, cpdSameCertificate];
