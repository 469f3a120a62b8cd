/**
 * The component of each view (tab) under the map, by its code in views.ts. Only the page that draws
 * the active view (Dashboard.svelte) imports this: the registry of codes and labels (views.ts) has no
 * component imports, so the dashboard's model can use it without an import cycle through the views.
 */
import type { Component } from 'svelte';
import type { DashboardModel } from './Dashboard/DashboardModel.svelte.ts';
import type { ViewCode } from './views.ts';
import Interventions from './Interventions/Interventions.svelte';
import Causes from './Causes/Causes.svelte';
import Calendar from './Calendar/Calendar.svelte';

/**
 * The views still declare their `model` prop as the DashboardModel; once they take the narrower
 * ViewContext (which DashboardModel implements), this becomes `Component<{ model: ViewContext }>`.
 */
export type ViewComponent = Component<{ model: DashboardModel }>;

/** One component per code of views.ts (the type makes the list complete). */
const VIEW_COMPONENTS: Readonly<Record<ViewCode, ViewComponent>> = {
  intervensi: Interventions,
  penyebab: Causes,
  kalender: Calendar
};

/** The component of a view code, or null for a code that is not a view. */
export function viewComponent(code: string): ViewComponent | null {
  return Object.hasOwn(VIEW_COMPONENTS, code) ? VIEW_COMPONENTS[code as ViewCode] : null;
}
