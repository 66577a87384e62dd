import { describe, expect, it } from 'vitest';
import { periodRange, resolvePeriod, weeksOfMonth } from './review-period.js';
import { parseDecision } from './add-review-decision.js';

describe('review periods', () => {
  it('spans a week from Monday to Sunday and a month from its first to its last day', () => {
    expect(periodRange('weekly', '2026-W47')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(periodRange('monthly', '2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('counts each ISO week in the month that holds its Thursday', () => {
    expect(weeksOfMonth('2026-11')).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(weeksOfMonth('2026-12')).toEqual(['2026-W49', '2026-W50', '2026-W51', '2026-W52', '2026-W53']);
    expect(weeksOfMonth('2027-01')).toEqual(['2027-W01', '2027-W02', '2027-W03', '2027-W04']);
  });

  it('reads current, last, a date or a period as written', () => {
    expect(resolvePeriod('weekly', undefined, '2026-11-18')).toBe('2026-W47');
    expect(resolvePeriod('weekly', 'last', '2026-01-05')).toBe('2026-W01');
    expect(resolvePeriod('weekly', 'last', '2026-01-01')).toBe('2025-W52');
    expect(resolvePeriod('monthly', 'last', '2026-01-15')).toBe('2025-12');
    expect(resolvePeriod('monthly', 'current', '2026-11-18')).toBe('2026-11');
    expect(resolvePeriod('weekly', '2026-11-04', '2026-11-18')).toBe('2026-W45');
    expect(resolvePeriod('weekly', '2026-w40', '2026-11-18')).toBe('2026-W40');
  });

  it('refuses a period that has not started and one that is not a period of that kind', () => {
    expect(() => resolvePeriod('weekly', '2026-W48', '2026-11-18')).toThrow(/2026-W48 has not started yet/);
    expect(() => resolvePeriod('monthly', '2026-W40', '2026-11-18')).toThrow(/"2026-W40" is not a month; give a month such as 2026-11/);
    expect(() => resolvePeriod('weekly', '2026-11', '2026-11-18')).toThrow(/is not a week/);
    expect(() => resolvePeriod('weekly', '2026-W54', '2026-11-18')).toThrow(/is not a week/);
  });
});

describe('review decisions', () => {
  it('reads keep, change and drop lines', () => {
    expect(parseDecision('keep: morning writing')).toEqual({ verdict: 'keep', text: 'morning writing' });
    expect(parseDecision('Change - calls after lunch ')).toEqual({ verdict: 'change', text: 'calls after lunch' });
    expect(() => parseDecision('maybe: later')).toThrow(/Write it as "keep: …", "change: …" or "drop: …"/);
    expect(() => parseDecision('drop:')).toThrow(/not a decision/);
  });
});
