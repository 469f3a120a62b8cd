/** The remembered interface language (localStorage); the URL `lang` param wins when present. */
import type { Lang } from '$lib/domain/label.ts';

const KEY = 'peta-aks.lang';

export function storedLang(): Lang | null {
  try {
    const v = globalThis.localStorage?.getItem(KEY);
    return v === 'en' || v === 'id' ? v : null;
  } catch {
    return null;
  }
}
export function rememberLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(KEY, lang);
  } catch {
    /* private mode: not remembered */
  }
}
