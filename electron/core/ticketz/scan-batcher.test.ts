import { describe, expect, it } from 'vitest';
import { ScanBatcher, type GateScan, type ScanStatements } from './scan-batcher';

/** Statements that answer only when the test says so, recording what was sent. */
function controlledStatements() {
  const sent: { kind: 'one' | 'many'; hashes: string[]; finish(fail?: Error): void }[] = [];
  const statements: ScanStatements<string> = {
    one: (scan) =>
      new Promise((resolve, reject) => {
        sent.push({ kind: 'one', hashes: [scan.hash], finish: (fail) => (fail ? reject(fail) : resolve(`one:${scan.hash}`)) });
      }),
    many: (scans) =>
      new Promise((resolve, reject) => {
        sent.push({
          kind: 'many',
          hashes: scans.map((s) => s.hash),
          finish: (fail) => (fail ? reject(fail) : resolve(scans.map((s) => `many:${s.hash}`))),
        });
      }),
  };
  return { sent, statements };
}

const scan = (hash: string): GateScan => ({ hash, eventId: 'e', raw: hash, gate: 'g', staff: 's' });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ScanBatcher', () => {
  it('sends a scan that finds a free slot at once, alone', async () => {
    const { sent, statements } = controlledStatements();
    const batcher = new ScanBatcher(statements, 2);
    const answer = batcher.submit(scan('a'));
    expect(sent.map((s) => [s.kind, s.hashes])).toEqual([['one', ['a']]]);
    sent[0]!.finish();
    await expect(answer).resolves.toBe('one:a');
  });

  it('groups the scans that arrive while every slot is busy into one statement, in arrival order', async () => {
    const { sent, statements } = controlledStatements();
    const batcher = new ScanBatcher(statements, 1);
    const answers = ['a', 'b', 'c', 'd'].map((h) => batcher.submit(scan(h)));
    expect(sent.map((s) => s.hashes)).toEqual([['a']]);
    sent[0]!.finish();
    await settle();
    expect(sent.map((s) => [s.kind, s.hashes])).toEqual([
      ['one', ['a']],
      ['many', ['b', 'c', 'd']],
    ]);
    sent[1]!.finish();
    await expect(Promise.all(answers)).resolves.toEqual(['one:a', 'many:b', 'many:c', 'many:d']);
  });

  it('holds back a scan of a ticket that is in flight, even with a slot free, and lets other tickets pass', async () => {
    const { sent, statements } = controlledStatements();
    const batcher = new ScanBatcher(statements, 3);
    const first = batcher.submit(scan('x'));
    const again = batcher.submit(scan('x'));
    const other = batcher.submit(scan('y'));
    expect(sent.map((s) => s.hashes)).toEqual([['x'], ['y']]);
    sent[0]!.finish();
    await settle();
    expect(sent.map((s) => s.hashes)).toEqual([['x'], ['y'], ['x']]);
    sent[1]!.finish();
    sent[2]!.finish();
    await expect(Promise.all([first, again, other])).resolves.toEqual(['one:x', 'one:x', 'one:y']);
  });

  it('keeps scans of one ticket together in a batch (the statement lets the earliest compete)', async () => {
    const { sent, statements } = controlledStatements();
    const batcher = new ScanBatcher(statements, 1);
    void batcher.submit(scan('busy'));
    void batcher.submit(scan('t'));
    void batcher.submit(scan('t'));
    sent[0]!.finish();
    await settle();
    expect(sent[1]!.hashes).toEqual(['t', 't']);
  });

  it('caps a batch and sends the rest next', async () => {
    const { sent, statements } = controlledStatements();
    const batcher = new ScanBatcher(statements, 1, 2);
    for (const h of ['a', 'b', 'c', 'd']) void batcher.submit(scan(h));
    sent[0]!.finish();
    await settle();
    expect(sent[1]!.hashes).toEqual(['b', 'c']);
    sent[1]!.finish();
    await settle();
    expect(sent[2]!.hashes).toEqual(['d']);
  });

  it('retries every scan of a failed batch alone, so each caller gets its own answer or error', async () => {
    const { sent, statements } = controlledStatements();
    const batcher = new ScanBatcher(statements, 1);
    void batcher.submit(scan('busy'));
    const b = batcher.submit(scan('b'));
    const c = batcher.submit(scan('c'));
    sent[0]!.finish();
    await settle();
    sent[1]!.finish(new Error('deadlock detected'));
    await settle();
    expect(sent.slice(2).map((s) => [s.kind, s.hashes])).toEqual([
      ['one', ['b']],
      ['one', ['c']],
    ]);
    sent[2]!.finish();
    sent[3]!.finish(new Error('c failed'));
    await expect(b).resolves.toBe('one:b');
    await expect(c).rejects.toThrow('c failed');
  });
});
