/**
 * The views (tabs) under the map: their codes and labels (components by code: viewComponents.ts). Each
 * feature adds its view here and in viewComponents.ts: a component folder under
 * src/lib/components/<View>/ with a thin `<View>.svelte` taking `{ model }` (ViewContext.ts: state,
 * navigation, translator and the coordinator to connect its own query clients to) and its logic in a
 * `<View>Model.svelte.ts`. The active view is `?tampilan=<code>`; its own URL parameters come through
 * `model.state.extras` and are set with `model.setExtras(...)`. No component imports here, so the
 * dashboard's model and the URL state can use the registry without an import cycle through the views.
 */
import type { Label } from '$lib/domain/label.ts';

export interface ViewDef {
  code: string;
  label: Label;
}

/** The codes of the views whose parameters set query filters (src/lib/state/urlState.ts toQueryFilters). */
export const CAUSES_VIEW = 'penyebab' as const;
export const CALENDAR_VIEW = 'kalender' as const;

export const VIEWS = [
  { code: 'intervensi', label: { id: 'Intervensi', en: 'Interventions' } },
  { code: CAUSES_VIEW, label: { id: 'Penyebab', en: 'Causes' } },
  { code: CALENDAR_VIEW, label: { id: 'Kalender audit', en: 'Audit calendar' } }
] as const satisfies readonly ViewDef[];
export type ViewCode = (typeof VIEWS)[number]['code'];

export const VIEW_BY_CODE: ReadonlyMap<string, ViewDef> = new Map(VIEWS.map((v): [string, ViewDef] => [v.code, v]));
