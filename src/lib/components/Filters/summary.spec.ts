import { describe, expect, it } from 'vitest';
import { parseState } from '$lib/state/urlState.ts';
import { translator } from '$lib/i18n/messages.ts';
import { filterSummary } from './summary.ts';

const summary = (q: string) => {
  const s = parseState(new URLSearchParams(q));
  return filterSummary(s, translator(s.lang)).join(' · ');
};

describe('filter summary (phones)', () => {
  it('says semester, target group and indicator in one line', () => {
    expect(summary('periode=2025-2')).toBe('2025-II · Semua sasaran · Kasus diaudit');
    expect(summary('periode=2024-1&sasaran=baduta&indikator=coverage')).toBe('2024-I · Baduta (0–23 bulan) · Cakupan intervensi (%)');
  });
  it('without a semester says all periods; in English', () => {
    expect(summary('lang=en')).toBe('All periods · All target groups · Audited cases');
  });
  it('names the cause of a cause-share map', () => {
    expect(summary('indikator=cause_share&penyebab=sanitasi')).toMatch(/ · Kasus dengan penyebab terpilih \(%\) · .+/);
  });
});
