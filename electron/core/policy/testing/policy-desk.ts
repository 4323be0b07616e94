/** Test helpers for policy changes: a desk with two administrators, as a change needs one to propose it and another to activate it. */
import { afterEach } from 'vitest';
import { testDesk } from '../../testing/test-desk';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

/** A fresh desk (closed after the test) with admin1 and admin2, and `call` to dispatch a command as the holder of a token. */
export async function policyDesk() {
  const t = await testDesk();
  close = () => t.desk.close();
  const admin = await t.as('admin1', ['admin']);
  const admin2 = await t.as('admin2', ['admin']);
  const call = async (token: string, name: string, args: unknown) => t.dispatch(name, args, token);
  return { ...t, admin, admin2, call };
}

/** What a dispatched command answered; a refusal throws, showing its error. */
export function value<T>(r: unknown): T {
  const res = r as { ok: boolean; value?: T; error?: unknown };
  if (!res.ok) throw new Error(JSON.stringify(res.error));
  return res.value as T;
}
