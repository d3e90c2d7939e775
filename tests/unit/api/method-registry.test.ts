/**
 * How an API method is added (DESIGN.md, "How to add…"), done once here with a fixture domain:
 * a schema with its result type in a domain's contract, a handler in the domain's handlers. The
 * transports (IPC, HTTP, preload) derive from the merged table and need no change.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dispatchIn, type ApiFailure } from '../../../electron/api/dispatch';
import { method, ShortText } from '../../../electron/api/contract/define';
import { mergeDomains } from '../../../electron/api/mergeDomains';
import { ReviewDeskError } from '../../../electron/core/errors';

// the domain's contract: electron/api/contract/<domain>.ts
const fixtureContract = {
  'fixture.greet': method<{ greeting: string }>()(z.strictObject({ name: ShortText.min(1) })),
};
// the domain's handlers: electron/api/handlers/<domain>.ts
const fixtureHandlers = {
  'fixture.greet': (args: unknown) => {
    const { name } = args as z.output<(typeof fixtureContract)['fixture.greet']['args']>;
    if (name === '无名氏') throw new ReviewDeskError('invalid-argument', '请先在设置中填写署名。');
    return { greeting: `${name}，您好` };
  },
};

const table = mergeDomains(fixtureContract);
const handlers = mergeDomains(fixtureHandlers);
const failure = (name: string, args: unknown) =>
  dispatchIn(table, handlers, name, args, () => {}).then(
    () => {
      throw new Error('expected a failure');
    },
    (e: ApiFailure) => e,
  );

describe('adding an API method', () => {
  it('answers through dispatch once its schema and handler are listed', async () => {
    expect(await dispatchIn(table, handlers, 'fixture.greet', { name: '张三' })).toEqual({ greeting: '张三，您好' });
  });

  it('gets argument checking, typed errors and unknown-method refusals without writing them', async () => {
    expect(await failure('fixture.greet', { name: '' })).toMatchObject({ status: 400, error: { code: 'invalid-argument' } });
    expect(await failure('fixture.greet', { name: '张三', extra: 1 })).toMatchObject({ status: 400 });
    expect(await failure('fixture.greet', { name: '无名氏' })).toMatchObject({ status: 422, error: { message: '请先在设置中填写署名。' } });
    expect(await failure('fixture.wave', {})).toMatchObject({ status: 404, error: { code: 'unknown-method' } });
    expect(await failure('constructor', {})).toMatchObject({ status: 404 });
  });
});
