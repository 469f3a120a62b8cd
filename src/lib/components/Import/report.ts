/**
 * The rejects report in the page's language: the ingest module's reasons, with the worker's read
 * errors (corrupt Parquet or .xlsx, old .xls...) in plain words. The CSV is the ingest module's (formula-safe,
 * RFC 4180) with a UTF-8 BOM so Excel reads Indonesian text correctly. Pure.
 */
import type { Lang } from '$lib/domain/label.ts';
import { issueReason, reportCsv } from '$lib/ingest/report.ts';
import type { Issue } from '$lib/ingest/types.ts';
import { importTranslator, type ImportKey } from './messages.ts';

const READ_REASONS = new Set(['parquet-corrupt', 'xls', 'not-csv', 'xlsx-corrupt', 'csv-corrupt', 'unreadable']);

/** The issue with a read error's detail replaced by the plain-words text in `lang`. */
export function localizeIssue(i: Issue, lang: Lang): Issue {
  const reason = i.params?.reason;
  if (i.code !== 'unreadable_file' || !reason || !READ_REASONS.has(reason)) return i;
  return { ...i, params: { ...i.params, detail: importTranslator(lang)(`read.${reason}` as ImportKey) } };
}

export function reasonText(i: Issue, lang: Lang): string {
  return issueReason(localizeIssue(i, lang), lang);
}

export function rejectsCsv(issues: readonly Issue[], lang: Lang): string {
  return '\uFEFF' + reportCsv(issues.map((i) => localizeIssue(i, lang)), lang);
}
