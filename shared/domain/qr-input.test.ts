import { describe, expect, it } from 'vitest';
import { MAX_RECORDED_INPUT, parseQrInput, recordedInput } from './qr-input';

const hash = 'a'.repeat(32) + '0123456789abcdef'.repeat(2);

describe('parseQrInput', () => {
  it('takes a raw hash in any case and lowercases it', () => {
    expect(parseQrInput(hash)).toEqual({ kind: 'hash', hash });
    expect(parseQrInput(`  ${hash.toUpperCase()}\n`)).toEqual({ kind: 'hash', hash });
  });

  it('takes a ticket link ending in /t/<hash>', () => {
    for (const link of [
      `https://tickets.example.com/t/${hash}`,
      `https://tickets.example.com/e/42/t/${hash}/`,
      `http://x.test/t/${hash}?utm=qr#top`,
      `/t/${hash}`,
      `t/${hash}`,
    ])
      expect(parseQrInput(link)).toEqual({ kind: 'hash', hash });
  });

  it('takes a Ticketz QR payload, to be hashed by the core', () => {
    expect(parseQrInput('ticketz-demo-ticket:123')).toEqual({ kind: 'payload', payload: 'ticketz-demo-ticket:123' });
    expect(parseQrInput('ticketz-ticket:Ab_9-x')).toEqual({ kind: 'payload', payload: 'ticketz-ticket:Ab_9-x' });
  });

  it('refuses everything else as invalid input', () => {
    for (const bad of [
      '',
      '   ',
      'garbage:0cc175b9c0f1b6a831c399e269772661',
      hash.slice(1),
      `${hash}0`,
      `https://evil.example/x/${hash}`,
      `https://tickets.example.com/t/${hash}/extra`,
      'ticketz-demo-ticket:',
      'ticketz-demo-ticket:1 2',
      `ticketz-demo-ticket:${'1'.repeat(129)}`,
      `${hash}\u0000`,
      'x'.repeat(MAX_RECORDED_INPUT + 1),
      "'; DROP TABLE ticketing.tickets; --",
    ])
      expect(parseQrInput(bad).kind, bad).toBe('invalid');
  });
});

describe('recordedInput', () => {
  it('keeps what was scanned, bounded and storable', () => {
    expect(recordedInput('  abc ')).toBe('abc');
    expect(recordedInput('')).toBe('(empty)');
    expect(recordedInput('a\u0000b')).toBe('a\uFFFDb');
    expect(recordedInput('y'.repeat(2000))).toHaveLength(MAX_RECORDED_INPUT);
  });
});
