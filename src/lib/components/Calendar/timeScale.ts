/** A linear day scale over a semester's stage windows (for the Gantt strip and the timelines). Pure. */
import { epochDay, isoOfDay } from '$lib/calendar/dates.ts';
import type { StageWindow } from '$lib/calendar/status.ts';
import { LOCALES } from '$lib/i18n/format.ts';
import type { Lang } from '$lib/domain/index.ts';

export interface TimeScale {
  from: number;
  to: number;
  /** Position of an ISO date in percent of the width, clamped to 0–100. */
  pct(iso: string): number;
  /** Whether the date falls inside the scale. */
  inside(iso: string): boolean;
  /** Month starts inside the scale, with short labels. */
  ticks(lang: Lang): { iso: string; pct: number; label: string }[];
}

/** Scale from the first window start to the last window end, widened to include `extra` dates. */
export function timeScale(windows: readonly StageWindow[], extra: readonly (string | null)[] = []): TimeScale {
  const days = [...windows.flatMap((w) => [epochDay(w.start), epochDay(w.end)]), ...extra.filter((d): d is string => !!d).map(epochDay)];
  const from = Math.min(...days);
  const to = Math.max(...days) + 1;
  const span = Math.max(1, to - from);
  const pct = (iso: string) => Math.min(100, Math.max(0, (100 * (epochDay(iso) - from)) / span));
  return {
    from,
    to,
    pct,
    inside: (iso) => epochDay(iso) >= from && epochDay(iso) <= to,
    ticks(lang) {
      const out: { iso: string; pct: number; label: string }[] = [];
      const first = new Date(`${isoOfDay(from)}T00:00:00Z`);
      const d = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1));
      if (d.getTime() < first.getTime()) d.setUTCMonth(d.getUTCMonth() + 1);
      const fmt = new Intl.DateTimeFormat(LOCALES[lang], { month: 'short', timeZone: 'UTC' });
      const fmtY = new Intl.DateTimeFormat(LOCALES[lang], { month: 'short', year: 'numeric', timeZone: 'UTC' });
      while (epochDay(d.toISOString().slice(0, 10)) <= to) {
        const iso = d.toISOString().slice(0, 10);
        out.push({ iso, pct: pct(iso), label: (d.getUTCMonth() === 0 || out.length === 0 ? fmtY : fmt).format(d) });
        d.setUTCMonth(d.getUTCMonth() + 1);
      }
      return out;
    }
  };
}
