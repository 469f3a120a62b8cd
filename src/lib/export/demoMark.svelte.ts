/**
 * The "DATA DEMO (sintetis)" mark: while the synthetic demo snapshot (manifest name 'demo') is shown,
 * the header and the story show it (DemoMark.svelte) and every export carries it — the first caption
 * line of a PNG/SVG (image.ts, MapExport.svelte) and the first line of a CSV (csv.ts downloadCsv). An
 * imported snapshot or browser import (another name) carries none. The page sets which data is shown
 * with `setShownData` (DemoMark.svelte does it where it is mounted).
 */
import type { Lang } from '$lib/domain/label.ts';

/** The manifest name of the synthetic demo (src/lib/demo/config.ts DEMO_NAME). */
export const DEMO_SNAPSHOT_NAME = 'demo';
/** The short mark (header, story). */
export const DEMO_LABEL: Record<Lang, string> = { id: 'DATA DEMO (sintetis)', en: 'DEMO DATA (synthetic)' };
/** The line written on exports. */
export const DEMO_EXPORT_LINE: Record<Lang, string> = {
  id: 'DATA DEMO (sintetis) — bukan hasil audit BKKBN',
  en: 'DEMO DATA (synthetic) — not BKKBN audit results'
};

export const isDemoSnapshot = (name: string | null | undefined): boolean => name === DEMO_SNAPSHOT_NAME;

const shown = $state<{ name: string | null; lang: Lang }>({ name: null, lang: 'id' });

/** Which snapshot the page shows (its manifest name) and in which language. */
export function setShownData(name: string | null | undefined, lang: Lang): void {
  shown.name = name ?? null;
  shown.lang = lang;
}

/** The line exports carry now, or null when the data shown is not the demo. */
export function demoExportLine(): string | null {
  return isDemoSnapshot(shown.name) ? DEMO_EXPORT_LINE[shown.lang] : null;
}

/** Caption lines with the demo line first (when the demo is shown). */
export function withDemoLine(lines: readonly string[] | undefined): string[] {
  const mark = demoExportLine();
  return mark ? [mark, ...(lines ?? [])] : [...(lines ?? [])];
}
