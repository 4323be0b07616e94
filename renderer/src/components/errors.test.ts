import { describe, expect, it } from 'vitest';
import { DeskCallError } from '../api/client';
import { MESSAGES } from '../i18n/messages';
import { errorDetails, errorText } from './errors';

const refused = new DeskCallError({ code: 'bad_input', message: 'password: at least 10 characters', messageAr: 'password: أقل من الحد الأدنى (10)' });
/** The same refusal as the main process now sends it: the issue as data beside its sentences. */
const asData = new DeskCallError({
  code: 'bad_input',
  message: 'search: Too big: expected string to have <=100 characters',
  messageAr: 'search: أكبر من الحد الأقصى (100)',
  issue: { code: 'too_long', field: 'search', params: { max: 100 } },
});

describe('errorText', () => {
  it('one kept error reads in whichever language is on screen when it is shown', () => {
    expect(errorText(refused, 'ar')).toBe('كلمة المرور: أقل من الحد الأدنى (10)');
    expect(errorText(refused, 'en')).toBe('Password: at least 10 characters');
    expect(errorText(MESSAGES.passwordsDiffer, 'ar')).toBe(MESSAGES.passwordsDiffer.ar);
    expect(errorText(MESSAGES.passwordsDiffer, 'en')).toBe(MESSAGES.passwordsDiffer.en);
  });

  it('a refused argument sent as data is worded from the dictionary, never with zod’s English or the key', () => {
    expect(errorText(asData, 'ar')).toBe('البحث: عدد الأحرف لا يزيد على 100');
    expect(errorText(asData, 'en')).toBe('Search: at most 100 characters');
    const sender = new DeskCallError({ code: 'bad_input', message: 'x', issue: { code: 'email', field: 'email.from' } });
    expect(errorText(sender, 'ar')).toBe('عنوان المرسل: المتوقع عنوان بريد إلكتروني صحيح');
    // A field the desk has no words for goes unnamed rather than named by its key.
    const odd = new DeskCallError({ code: 'bad_input', message: 'x', issue: { code: 'required', field: 'zzzUnknown' } });
    expect(errorText(odd, 'en')).toBe('Required');
    expect(errorDetails(asData, 'ar')).toBeNull();
  });

  it("names a refused field by the form's label first, then by the desk's field names", () => {
    const fields = { password: MESSAGES.temporaryPassword, roles: MESSAGES.roles };
    expect(errorText(refused, 'en', fields)).toBe('Temporary password: at least 10 characters');
    expect(errorText(refused, 'ar', fields)).toBe('كلمة مرور مؤقتة: أقل من الحد الأدنى (10)');
    const role = new DeskCallError({ code: 'bad_input', message: 'roles.0: expected one of …', messageAr: 'roles.0: قيمة غير مقبولة' });
    expect(errorText(role, 'en', fields)).toBe('Roles: expected one of …');
    expect(errorText(refused, 'en', { username: MESSAGES.username })).toBe('Password: at least 10 characters');
    // A key the desk has no words for is dropped; a sentence with a colon is left as it came.
    expect(errorText(new DeskCallError({ code: 'bad_input', message: 'zzzUnknown: too long', messageAr: 'zzzUnknown: طويل' }), 'en')).toBe(
      'too long',
    );
    const sentence = new DeskCallError({ code: 'conflict', message: 'Another admin saved: reload', messageAr: 'حفظ مشرف آخر: أعد التحميل' });
    expect(errorText(sentence, 'en', fields)).toBe('Another admin saved: reload');
  });

  it('an error with no words of the desk shows the generic message, its raw text kept for support', () => {
    const untranslated = new DeskCallError({ code: 'internal', message: 'connect ECONNREFUSED 127.0.0.1:5432' });
    expect(errorText(untranslated, 'ar')).toBe(MESSAGES.errorGeneric.ar);
    expect(errorDetails(untranslated, 'ar')).toBe('internal: connect ECONNREFUSED 127.0.0.1:5432');
    expect(errorText(untranslated, 'en')).toBe(MESSAGES.errorGeneric.en);
    const unknownCode = new DeskCallError({ code: 'teapot' as never, message: 'short and stout', messageAr: 'short and stout' });
    expect(errorText(unknownCode, 'ar')).toBe(MESSAGES.errorGeneric.ar);
    expect(errorText(unknownCode, 'en')).toBe(MESSAGES.errorGeneric.en);
    expect(errorText(new Error('file is not a database'), 'ar')).toBe(MESSAGES.errorGeneric.ar);
    expect(errorDetails(new Error('file is not a database'), 'ar')).toBe('file is not a database');
  });
});
