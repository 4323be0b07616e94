/**
 * What an import writes for the signals, in its own transaction: the applicant's ID and name keys and the
 * perceptual hash of each photo. One call from import-bundle.ts (new request and resubmission alike).
 */
import type { Applicant } from '../../../shared/domain';
import type { Trx } from '../cases/apply-transition';
import type { ValidBundle } from '../intake/validate-bundle';
import { indexPerson } from './person-index';
import { indexPhoto } from './photo-index';

export async function indexSignals(trx: Trx, requestId: number, applicant: Applicant, bundle: ValidBundle): Promise<void> {
  await indexPerson(trx, requestId, applicant);
  for (const a of bundle.request.attachments) {
    if (a.kind !== 'photo') continue;
    const f = bundle.files.get(a.file.replace(/\\/g, '/').replace(/^\.\//, ''));
    if (f) await indexPhoto(trx, f.sha256, f.bytes, f.mime);
  }
}
