import { afterEach, describe, expect, it } from 'vitest';
import { confirmLeave, leaveQuestion, registerLeaveGuard } from './leave-guards';

const unregister: (() => void)[] = [];
afterEach(() => unregister.splice(0).forEach((u) => u()));

function guard(atStake: Record<string, string[]>) {
  const released: string[] = [];
  unregister.push(
    registerLeaveGuard({
      check: async (id) => atStake[id] ?? [],
      release: async (id) => void released.push(id),
    }),
  );
  return released;
}

describe('confirmLeave', () => {
  it('asks only when something is at stake, and releases only on yes', async () => {
    const released = guard({ a: ['Query 1: 3 statements, changed data'] });
    const asked: string[] = [];
    expect(await confirmLeave('a', 'Disconnecting', (q) => (asked.push(q), false))).toBe(false);
    expect(released).toEqual([]);
    expect(asked[0]).toBe(leaveQuestion('Disconnecting', ['Query 1: 3 statements, changed data']));
    expect(await confirmLeave('a', 'Disconnecting', () => true)).toBe(true);
    expect(released).toEqual(['a']);
    // Nothing at stake: no question, but idle sessions are still given back.
    expect(await confirmLeave('b', 'Disconnecting', () => expect.fail('must not ask'))).toBe(true);
    expect(released).toEqual(['a', 'b']);
  });

  it('puts every guard’s lines in one question', async () => {
    guard({ a: ['one'] });
    guard({ a: ['two'] });
    let question = '';
    await confirmLeave('a', 'Switching connection', (q) => ((question = q), true));
    expect(question).toMatch(/^Switching connection rolls back 2 open transactions in the SQL editor:\n\n• one\n• two\n\nNothing of them/);
  });

  it('lets anything through without a connection or a guard', async () => {
    expect(await confirmLeave(undefined, 'x', () => false)).toBe(true);
    expect(await confirmLeave('a', 'x', () => false)).toBe(true);
  });
});
