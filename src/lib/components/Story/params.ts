/** The story's URL parameters: its screens in order (`layar`, 1-based in the URL) and the note's limits (`catatan`). */
export const SCREENS = ['kasus', 'penyebab', 'intervensi', 'kalender', 'praktik'] as const;
export type ScreenCode = (typeof SCREENS)[number];

export const clampScreen = (i: number): number => (Number.isInteger(i) ? Math.max(0, Math.min(SCREENS.length - 1, i)) : 0);

/** Longest good-practice note kept (characters). */
export const NOTE_MAX = 1000;
export const noteKey = (regency: string, period: string): string => `peta-aks.catatan.${regency}.${period}`;
