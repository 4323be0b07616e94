import type { Service } from './services';
import type { Status } from './statuses';

/** One request of a possible duplicate, as the compare page shows it beside the other. */
export interface CompareSide {
  requestId: number;
  reference: string;
  service: Service;
  status: Status;
  submittedAt: string;
  applicant: { nameAr: string; nameEn: string; idType: string; idNumber: string; birthDate: string; nationality: string; gender: string };
  attachments: Array<{ id: number; kind: string; fileName: string; mime: string; sha256: string }>;
}

/** Two requests side by side (#/compare/<a>/<b>), with what the duplicate signals compare between them. */
export interface CompareView {
  sides: [CompareSide, CompareSide];
  sameIdNumber: boolean;
  /** The names agree once script and spelling are set aside (electron/core/signals/name-key.ts). */
  namesAgree: boolean;
  /** Days between the two birth dates (0: the same day). */
  birthDaysApart: number;
  /** SHA-256 of the files both requests hold. */
  sharedFiles: string[];
  /** Bits apart of the two photos' perceptual hashes (of 256), when both photos are hashed. */
  photoDistanceBits: number | null;
}

/** Signals raised on the requests submitted in one week (Sunday to Saturday, Riyadh), for the dashboard. */
export interface SignalWeek {
  /** The Sunday that starts the week, YYYY-MM-DD. */
  week: string;
  requests: number;
  /** Requests with at least one warn (and no fail) / at least one fail. */
  warned: number;
  failed: number;
  /** Requests raising each signal (warn or fail), by signal id. */
  bySignal: Record<string, number>;
}
