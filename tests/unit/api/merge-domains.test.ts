import { describe, expect, it } from 'vitest';
import { contract, methodNames } from '../../../electron/api/contract';
import { mergeDomains } from '../../../electron/api/mergeDomains';
import { useBackend } from '../../helpers/backend';

const t = useBackend('rd-merge-');

describe('one table of methods', () => {
  it('refuses a method name that two domains both define, instead of letting the later one win', () => {
    const library = { 'reports.list': 'library' };
    const other = { 'drafts.create': 'drafts', 'reports.list': 'someone else' };
    expect(() => mergeDomains(library, other)).toThrow('API method defined twice: reports.list');
    expect(mergeDomains(library, { 'drafts.create': 'drafts' })).toEqual({ 'reports.list': 'library', 'drafts.create': 'drafts' });
  });

  it('has exactly one handler for every method of the contract, and none without a schema', () => {
    const handlers = Object.keys(t.backend.handlers).sort();
    expect(handlers).toEqual([...methodNames].sort());
    expect(methodNames.length).toBe(Object.keys(contract).length);
  });
});
