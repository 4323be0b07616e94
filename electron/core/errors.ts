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

/**
 * "request 12 was not found" / "الطلب 12 غير موجود": the one way the desk says a thing asked for is not there
 * (or not visible to the caller, which it does not tell apart). `whatAr` names it in Arabic with its article;
 * a feminine noun (الفاتورة، الدفعة) takes غير موجودة.
 */
export const notFound = (what: string, whatAr: string, gender: 'masculine' | 'feminine' = 'masculine'): DeskFault =>
  new DeskFault('not_found', `${what} was not found`, `${whatAr} ${gender === 'feminine' ? 'غير موجودة' : 'غير موجود'}`);
