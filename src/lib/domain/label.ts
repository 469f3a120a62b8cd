/** A label in the two interface languages. Bahasa Indonesia is the default. */
export interface Label {
  id: string;
  en: string;
}
export type Lang = keyof Label;
export const LANGS: readonly Lang[] = ['id', 'en'];
