/**
 * The rejects report (CSV: file,sheet,row,column,value,reason) and the printed summary. The CSV is safe
 * to open in a spreadsheet: text cells starting with = + - @ (or tab / carriage return) are prefixed
 * with a quote so they are not run as formulas; numbers such as `-2.31` are left as they are. Pure.
 */
import type { Lang } from '../domain/label.ts';
import { reasonMessage } from './reasons.ts';
import type { IngestResult, Issue } from './types.ts';
import { noteText, noteWhere, periodSourceText } from './notes.ts';
import { maskIdentity } from './mask.ts';
import { rowsDropped } from './validate.ts';

export const REPORT_COLUMNS = ['file', 'sheet', 'row', 'column', 'value', 'reason'] as const;

export function issueReason(i: Issue, lang: Lang = 'en'): string {
  return reasonMessage(i.code, i.params, lang);
}

/** Neutralises spreadsheet formula injection in a text cell. */
export function safeCell(s: string): string {
  if (/^[=+\-@\t\r]/.test(s) && !/^[+-]?\d+([.,]\d+)?$/.test(s)) return `'${s}`;
  return s;
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function reportCsv(issues: readonly Issue[], lang: Lang = 'en'): string {
  const lines = [REPORT_COLUMNS.join(',')];
  for (const i of issues) {
    const cells = [i.file, i.sheet ?? '', i.row === null ? '' : String(i.row), i.column, maskIdentity(i.value), issueReason(i, lang)];
    lines.push(cells.map((c) => csvField(safeCell(c))).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/** Human-readable summary lines for the CLI. */
export function summaryLines(r: IngestResult): string[] {
  const out: string[] = [];
  const files = new Set([...r.sheets.map((s) => s.file), ...r.issues.map((i) => i.file)]);
  out.push(`Files: ${files.size}`);
  for (const s of r.sheets) {
    out.push(`  ${s.file}${s.sheet ? ` [${s.sheet}]` : ''}: ${s.kind}, ${s.rowsRead} rows read, ${s.rowsLoaded} loaded`);
    if (s.headerRow && s.headerRow > 1) out.push(`    header on row ${s.headerRow}`);
    if (s.title?.length) out.push(`    title: ${s.title.join(' / ')}`);
    if (s.periodSources && Object.keys(s.periodSources).length) out.push(`    period from ${periodSourceText(s)}`);
  }
  out.push('Rows loaded:');
  out.push(`  cases ${r.cases.length}, case_causes ${r.caseCauses.length}, recommendations ${r.recommendations.length}, calendar ${r.calendar.length}`);
  out.push(`Rows dropped: ${rowsDropped(r)}`);
  const byReason = new Map<string, number>();
  for (const i of r.issues) byReason.set(i.code, (byReason.get(i.code) ?? 0) + 1);
  out.push(`Values rejected: ${r.issues.length}`);
  for (const [code, n] of [...byReason].sort((a, b) => b[1] - a[1])) out.push(`  ${code}: ${n}`);
  for (const n of r.notes) {
    out.push(`Note: ${noteWhere(n)}: ${noteText(n)}`);
  }
  return out;
}
