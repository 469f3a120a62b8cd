/**
 * What a view under the map (src/lib/components/views.ts) receives from the page: the URL state, the
 * language and translator, the disclosure policy, the map level, links and navigation, the export
 * caption, and the data session's coordinator and manifest. Views depend on this, never on the
 * dashboard's whole model, so the story and tests can provide it too.
 */
import type { Lang } from '$lib/domain/index.ts';
import type { Coordinator } from '$lib/db/Coordinator.ts';
import type { PublishedManifest } from '$lib/db/DuckDBEngine.ts';
import type { Disclosure } from '$lib/privacy/policy.ts';
import type { QueryFilters } from '$lib/queries/index.ts';
import type { translator } from '$lib/i18n/messages.ts';
import type { DashboardState } from '$lib/state/urlState.ts';

export interface ViewContext {
  readonly state: DashboardState;
  readonly lang: Lang;
  readonly t: ReturnType<typeof translator>;
  readonly disclosure: Disclosure;
  /** The map's level: 'province' (national map) or 'regency' (a province's map). */
  readonly level: 'province' | 'regency';
  /** The filters every query answers (src/lib/state/urlState.ts toQueryFilters: no view, no view parameters). */
  readonly queryState: QueryFilters;
  readonly manifest: PublishedManifest | null;
  /** The data session's coordinator (null until the engine or the first paint is ready). */
  readonly coordinator: Coordinator<QueryFilters> | null;
  href(patch: Partial<DashboardState>): string;
  navigate(patch: Partial<DashboardState>, replaceState?: boolean): Promise<void>;
  /** Sets (or, with null, removes) the view's own URL parameters, keeping the others. */
  setExtras(patch: Record<string, string | null>, replaceState?: boolean): Promise<void>;
  /** The caption lines under a chart's image export. */
  exportCaption(title: string, extra?: readonly string[]): string[];
}
