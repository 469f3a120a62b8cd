/**
 * The entries of the view navigation at the top of the dashboard: the map (no `tampilan`), every view of
 * views.ts, and the district story (/cerita/). Pure: state in, labels and links out.
 */
import type { Lang } from '$lib/domain/label.ts';
import { stateSearch, withChanges, type DashboardState } from '$lib/state/urlState.ts';
import type { Translate } from '$lib/i18n/messages.ts';
import type { NavT } from './messages.ts';

export interface NavItem {
  /** '' = the map and summary; a view's code; 'cerita' = the story (another page). */
  code: string;
  label: string;
  href: string;
  current: boolean;
  /** The story is another page (a plain link, no view scroll). */
  page: boolean;
  title?: string;
}

export interface NavView {
  code: string;
  label: Record<Lang, string>;
}

/**
 * `path` is the dashboard's own path (links keep it), `storyPath` the story's. The story takes the place
 * and filters along; without a chosen regency it opens on its regency picker.
 */
export function navItems(state: DashboardState, views: readonly NavView[], t: NavT, core: Translate, path: string, storyPath: string): NavItem[] {
  const here = (view: string) => `${path}${stateSearch(withChanges(state, { view }))}`;
  const story = withChanges(state, { view: '', indicator: 'cases', public: state.public, extras: {} });
  const items: NavItem[] = [
    { code: '', label: core('viewMap'), href: here(''), current: state.view === '' || !views.some((v) => v.code === state.view), page: false },
    ...views.map((v) => ({ code: v.code, label: v.label[state.lang], href: here(v.code), current: state.view === v.code, page: false }))
  ];
  items.push({
    code: 'cerita',
    label: t('story'),
    href: `${storyPath}${stateSearch(story)}`,
    current: false,
    page: true,
    title: state.regency ? t('storyTitle') : `${t('storyTitle')}: ${t('storyPick')}`
  });
  return items;
}
