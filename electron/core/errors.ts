import type { DeskError, ErrorCode } from '../../shared/domain';

/** A refusal the user should see: carries a code and the message in both languages. */
export class DeskFault extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly messageAr?: string,
  ) {
    super(message);
    this.name = 'DeskFault';
  }

  toError(): DeskError {
    return { code: this.code, message: this.message, ...(this.messageAr ? { messageAr: this.messageAr } : {}) };
  }
}

export const notFound = (what: string, whatAr: string): DeskFault => new DeskFault('not_found', `${what} was not found`, `${whatAr} غير موجود`);
