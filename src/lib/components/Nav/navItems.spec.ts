import { describe, expect, it } from 'vitest';
import { parseState } from '$lib/state/urlState.ts';
import { navItems } from './navItems.ts';
import { navTranslator } from './messages.ts';
import { translator } from '$lib/i18n/messages.ts';

const VIEWS = [
  { code: 'intervensi', label: { id: 'Intervensi', en: 'Interventions' } },
  { code: 'penyebab', label: { id: 'Penyebab', en: 'Causes' } }
];
const items = (q: string) => {
  const s = parseState(new URLSearchParams(q));
  return navItems(s, VIEWS, navTranslator(s.lang), translator(s.lang), '/', '/cerita/');
};

describe('view navigation', () => {
  it('lists the map, every view and the story, marking the current one', () => {
    const list = items('tampilan=penyebab&wilayah=32');
    expect(list.map((i) => i.label)).toEqual(['Peta & ringkasan', 'Intervensi', 'Penyebab', 'Cerita kabupaten']);
    expect(list.filter((i) => i.current).map((i) => i.code)).toEqual(['penyebab']);
    expect(list[0].href).toBe('/?wilayah=32');
    expect(list[1].href).toBe('/?wilayah=32&tampilan=intervensi');
  });
  it('an unknown or empty view marks the map as current; English labels', () => {
    expect(items('tampilan=xyz').filter((i) => i.current).map((i) => i.code)).toEqual(['']);
    expect(items('lang=en')[0]).toMatchObject({ label: 'Map & summary', current: true });
  });
  it("the story link takes the place and filters along, but not the view's own parameters", () => {
    const story = items('tampilan=penyebab&urut=sanitasi&wilayah=32&kabkota=32.05&periode=2025-2&indikator=coverage&publik=1').at(-1)!;
    expect(story.page).toBe(true);
    const u = new URL(story.href, 'http://x');
    expect(u.pathname).toBe('/cerita/');
    expect(Object.fromEntries(u.searchParams)).toEqual({ wilayah: '32', kabkota: '32.05', periode: '2025-2', publik: '1' });
  });
});
