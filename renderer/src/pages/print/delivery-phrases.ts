import type { MessageKey } from '../../i18n/messages';

/**
 * Deliveries recorded with the desk's fixed phrases (the commission's branches, "the holder" as the
 * one who received it) are shown in the language on screen; anything a clerk typed stays as typed.
 */
const PHRASES: Record<string, MessageKey> = {
  'صاحب البطاقة': 'deliveryHolder',
  الرياض: 'branchRiyadh',
  جدة: 'branchJeddah',
  الدمام: 'branchDammam',
  'المدينة المنورة': 'branchMadinah',
  أبها: 'branchAbha',
};

export function deliveryPhrase(stored: string, t: (key: MessageKey) => string): string {
  const key = PHRASES[stored.trim()];
  return key ? t(key) : stored;
}
