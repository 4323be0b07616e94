/** The SMS copy of a notice: short, both languages, the reference in each (the e-mail carries the detail). */
export const smsText = (m: { subjectAr: string; subjectEn: string }) => `${m.subjectAr}\n${m.subjectEn}\nSCFHS`;
