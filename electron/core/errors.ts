import type { DeskError, ErrorCode, InputIssue } from '../../shared/domain';

/** A refusal the user should see: carries a code and the message in both languages. */
export class DeskFault extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly messageAr?: string,
    /** A refused argument as data, for the renderer to word beside the field (bad_input). */
    readonly issue?: InputIssue,
  ) {
    super(message);
    this.name = 'DeskFault';
  }

  toError(): DeskError {
    return {
      code: this.code,
      message: this.message,
      ...(this.messageAr ? { messageAr: this.messageAr } : {}),
      ...(this.issue ? { issue: this.issue } : {}),
    };
  }
}

export const notFound = (what: string, whatAr: string): DeskFault => new DeskFault('not_found', `${what} was not found`, `${whatAr} غير موجود`);
