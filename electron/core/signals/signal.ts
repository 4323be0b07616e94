import type { DeskDb } from '../db/connection';
import type { Policy } from '../../../shared/domain/policy';
import type { Bilingual, SignalView } from '../../../shared/domain';

/** One attachment as a signal sees it: stored (id set) or still in a bundle being judged before import. */
export interface SubjectAttachment {
  id: number | null;
  kind: string;
  fileName: string;
  mime: string;
  sha256: string;
  /** Declared issue date (the 3-month rule reads this one). */
  issuedAt: string | null;
  /** When the desk received the file (a bundle being checked: its submittedAt); undefined when the builder did not read it. */
  uploadedAt?: string;
  /** The file's bytes, read only by signals that need them (PDF structure, photo hash, OCR). */
  bytes: () => Promise<Uint8Array>;
}

/**
 * What the signals judge: a stored request (requestId set) or a bundle before import (`desk check`).
 * Built once by `subject.ts` and handed to every signal, so no signal reads the request itself.
 */
export interface SignalSubject {
  requestId: number | null;
  reference: string;
  service: string;
  submittedAt: string;
  applicant: {
    idType: string;
    idNumber: string;
    nameAr: string;
    nameEn: string;
    birthDate: string;
    nationality: string;
    /** The card held when applying (RENEWAL: its expiry is the deadline the CPD hours count toward); undefined when the builder did not read it. */
    card?: { expiresAt: string } | null;
  };
  attachments: SubjectAttachment[];
  cpd: Array<{ title: string; provider: string; hours: number; date: string; kind: string }>;
}

export interface SignalContext {
  db: DeskDb;
  policy: Policy;
  subject: SignalSubject;
}

/** A signal: looks at one subject (and the database for others like it), returns zero or more views. */
export interface IntegritySignal {
  id: string;
  title: Bilingual;
  run(ctx: SignalContext): Promise<SignalView[]>;
}
