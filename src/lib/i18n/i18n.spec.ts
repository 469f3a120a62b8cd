import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatPercent } from './format.ts';
import { MESSAGES, translator } from './messages.ts';

describe('formatters', () => {
  it('numbers: Indonesian dot grouping, English comma grouping', () => {
    expect(formatNumber(12345, 'id')).toBe('12.345');
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatNumber(1234.5, 'id', 1)).toBe('1.234,5');
  });
  it('percent from percent units', () => {
    expect(formatPercent(23.4, 'id')).toBe('23,4%');
    expect(formatPercent(23.4, 'en')).toBe('23.4%');
    expect(formatPercent(200 / 3, 'id')).toBe('66,7%');
    expect(formatPercent(100, 'en', 0)).toBe('100%');
  });
  it('dates', () => {
    expect(formatDate('2025-12-31', 'id')).toBe('31 Desember 2025');
    expect(formatDate('2025-12-31', 'en')).toBe('31 December 2025');
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });
});

describe('messages', () => {
  it('both languages have the same keys and no empty strings', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.id).sort());
    for (const m of Object.values(MESSAGES)) for (const v of Object.values(m)) expect(v.trim()).not.toBe('');
  });
  it('fills placeholders', () => {
    expect(translator('en')('error.manifest-http', { detail: 'HTTP 404 for /data/current.json' })).toBe(
      'The data snapshot could not be loaded (HTTP 404 for /data/current.json). Run `npm run data:demo` and reload.'
    );
    expect(translator('id')('regionsWithFigure', { n: 27 })).toBe('27 wilayah');
  });
});
