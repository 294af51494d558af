import { describe, expect, it } from 'vitest';
import { matchScore, rankMatches } from './palette-match';

const labels = [
  'Go to Schema',
  'Go to Tickets',
  'Theme: system',
  'Theme: light',
  'Theme: dark',
  'Open table ticketing.tickets',
  'Open table ticketing.ticket_validations',
  'Open view public.pg_stat_statements',
  'Open function chain.fn_calculate_chain_stats(…)',
].map((label) => ({ label }));
const ranked = (q: string) => rankMatches(labels, q).map((x) => x.label);

describe('palette matching', () => {
  it('matches every word in any order', () => {
    expect(ranked('theme dark')).toEqual(['Theme: dark']);
    expect(ranked('dark theme')).toEqual(['Theme: dark']);
  });

  it('offers the table and the page for one word, exact words first', () => {
    const hits = ranked('tickets');
    expect(hits.slice(0, 2).sort()).toEqual(['Go to Tickets', 'Open table ticketing.tickets']);
    expect(hits).toContain('Open table ticketing.ticket_validations');
    expect(hits).not.toContain('Go to Schema');
  });

  it('finds letters in order inside a word', () => {
    expect(ranked('chain stats')).toEqual(['Open function chain.fn_calculate_chain_stats(…)']);
    expect(ranked('tkts valid')).toEqual(['Open table ticketing.ticket_validations']);
    expect(matchScore('zzz', 'Go to Tickets')).toBeNull();
  });
});
