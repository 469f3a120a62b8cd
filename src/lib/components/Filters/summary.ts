/**
 * The one-line summary of the filters that stands for the filter bar on phones
 * ("2025-II · Semua sasaran · Kasus diaudit"). Pure: state in, text out.
 */
import { CAUSE_BY_CODE, TARGET_GROUP_BY_CODE, periodShortLabel } from '$lib/domain/index.ts';
import { INDICATOR_BY_CODE } from '$lib/queries/indicators.ts';
import type { DashboardState } from '$lib/state/urlState.ts';
import type { Translate } from '$lib/i18n/messages.ts';

export function filterSummary(s: DashboardState, t: Translate): string[] {
  const parts = [
    s.period ? periodShortLabel(s.period) : t('allPeriods'),
    s.group ? (TARGET_GROUP_BY_CODE.get(s.group)?.label[s.lang] ?? s.group) : t('allGroups'),
    INDICATOR_BY_CODE.get(s.indicator)?.label[s.lang] ?? s.indicator
  ];
  if (s.indicator === 'cause_share') parts.push(CAUSE_BY_CODE.get(s.cause)?.label[s.lang] ?? s.cause);
  return parts;
}
