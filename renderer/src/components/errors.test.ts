import { describe, expect, it } from 'vitest';
import { DeskCallError } from '../api/client';
import { MESSAGES } from '../i18n/messages';
import { errorText } from './errors';

const refused = new DeskCallError({ code: 'bad_input', message: 'password: at least 10 characters', messageAr: 'password: أقل من الحد الأدنى (10)' });

describe('errorText', () => {
  it('one kept error reads in whichever language is on screen when it is shown', () => {
    expect(errorText(refused, 'ar')).toBe('password: أقل من الحد الأدنى (10)');
    expect(errorText(refused, 'en')).toBe('password: at least 10 characters');
    expect(errorText(MESSAGES.passwordsDiffer, 'ar')).toBe(MESSAGES.passwordsDiffer.ar);
    expect(errorText(MESSAGES.passwordsDiffer, 'en')).toBe(MESSAGES.passwordsDiffer.en);
  });

  it("names a refused field by the form's label, not the key", () => {
    const fields = { password: MESSAGES.temporaryPassword, roles: MESSAGES.roles };
    expect(errorText(refused, 'en', fields)).toBe('Temporary password: at least 10 characters');
    expect(errorText(refused, 'ar', fields)).toBe('كلمة مرور مؤقتة: أقل من الحد الأدنى (10)');
    const role = new DeskCallError({ code: 'bad_input', message: 'roles.0: expected one of …' });
    expect(errorText(role, 'en', fields)).toBe('Roles: expected one of …');
    // A field the form does not have, or a sentence with a colon, is left as it came.
    expect(errorText(refused, 'en', { username: MESSAGES.username })).toBe('password: at least 10 characters');
    const sentence = new DeskCallError({ code: 'conflict', message: 'Another admin saved: reload' });
    expect(errorText(sentence, 'en', fields)).toBe('Another admin saved: reload');
  });

  it('an arabic message without its own translation falls back to the English one', () => {
    expect(errorText(new DeskCallError({ code: 'internal', message: 'boom' }), 'ar')).toBe('boom');
    expect(errorText(new Error('plain'), 'ar')).toBe('plain');
  });
});
