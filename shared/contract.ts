/**
 * The one API between the renderer and the main process: every call, its
 * argument schema (validated in the main process, never trusted from the
 * page), who may make it, and what it returns.
 *
 * @example
 *   const page = await client.call('queues.page', { queue: 'new', offset: 0, limit: 50, sort: 'due' });
 */
import type { z } from 'zod';
import { peopleMethods } from './contract/people';
import { caseMethods } from './contract/cases';
import { moneyMethods } from './contract/money';
import { documentMethods } from './contract/documents';
import { deskMethods } from './contract/desk';

export type { Access } from './contract/method';
export { queueView, savedQueueView } from './contract/cases';

/** Every method, by area (shared/contract/*.ts). */
export const contract = {
  ...peopleMethods,
  ...caseMethods,
  ...moneyMethods,
  ...documentMethods,
  ...deskMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What the caller passes (defaults may be left out). */
export type ArgsOf<M extends MethodName> = z.input<Contract[M]['args']>;
/** What the handler receives, after validation and defaults. */
export type ParsedArgsOf<M extends MethodName> = z.output<Contract[M]['args']>;
export type ResultOf<M extends MethodName> = Exclude<Contract[M]['result'], undefined>;

export const CONTRACT_METHODS = Object.keys(contract) as MethodName[];
export const isMethodName = (name: unknown): name is MethodName => typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
