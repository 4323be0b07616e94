import { describe, expect, it } from 'vitest';
import { CONTRACT_METHODS, contract } from './contract';
import { METHOD_NAMES } from './method-names';

describe('contract', () => {
  it('the preload list names exactly the contract methods', () => {
    expect([...METHOD_NAMES].sort()).toEqual([...CONTRACT_METHODS].sort());
  });
  it('every method declares who may call it', () => {
    for (const name of CONTRACT_METHODS) expect(contract[name].access).toBeDefined();
  });
});
