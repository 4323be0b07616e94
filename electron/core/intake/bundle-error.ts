/** One thing wrong with a bundle: where (a field path or a file) and what, in both languages. */
export interface BundleProblem {
  /** e.g. "applicant.idNumber" or "file files/letter.pdf". */
  where: string;
  message: string;
  messageAr: string;
}

export class BundleError extends Error {
  constructor(
    readonly bundle: string,
    readonly problems: BundleProblem[],
  ) {
    super(`${bundle}: ${problems.map((p) => `${p.where}: ${p.message}`).join('; ')}`);
    this.name = 'BundleError';
  }
}

export const problem = (where: string, message: string, messageAr: string): BundleProblem => ({ where, message, messageAr });
