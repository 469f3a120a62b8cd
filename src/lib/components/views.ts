/**
 * The views (tabs) under the map. Each feature adds its view here: a component folder under
 * src/lib/components/<View>/ with a thin `<View>.svelte` taking `{ model }` (the DashboardModel: state,
 * navigation, translator and the coordinator to connect its own query clients to) and its logic in a
 * `<View>Model.svelte.ts`. The active view is `?tampilan=<code>`; its own URL parameters come through
 * `model.state.extras` and are set with `model.setExtras(...)`.
 */
import type { Component } from 'svelte';
import type { Label } from '$lib/domain/label.ts';
import type { DashboardModel } from './Dashboard/DashboardModel.svelte.ts';
import Interventions from './Interventions/Interventions.svelte';
import Causes from './Causes/Causes.svelte';
import Calendar from './Calendar/Calendar.svelte';

export interface ViewDef {
  code: string;
  label: Label;
  component: Component<{ model: DashboardModel }>;
}

export const VIEWS: readonly ViewDef[] = [
  { code: 'intervensi', label: { id: 'Intervensi', en: 'Interventions' }, component: Interventions },
  { code: 'penyebab', label: { id: 'Penyebab', en: 'Causes' }, component: Causes },
  { code: 'kalender', label: { id: 'Kalender audit', en: 'Audit calendar' }, component: Calendar }
];

export const VIEW_BY_CODE: ReadonlyMap<string, ViewDef> = new Map(VIEWS.map((v) => [v.code, v]));
