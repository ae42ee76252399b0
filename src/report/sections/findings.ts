/**
 * Findings: the lint findings with a filter by severity and a search. The controls are hidden until the script
 * runs; without script every finding is listed.
 */
import { lint, type LintFinding, type LintSeverity } from '../../queries/lint.js';
import type { ReportContext } from '../context.js';
import { esc, plainHead, sortableHead, sortCell } from '../html.js';

const SEVERITIES: readonly LintSeverity[] = ['error', 'warning', 'info'];

/**
 * At most this many findings are listed one by one (errors first); the summary by rule counts them all. A
 * 10,000-system region has some 70,000 findings: listed in full they would be most of a 50 MB page.
 */
export const FINDINGS_LIMIT = 2_000;
const SEVERITY_MARK: Readonly<Record<LintSeverity, string>> = { error: '✕', warning: '⚠', info: 'ℹ' };

export function findingsOf(context: ReportContext): LintFinding[] {
  return lint(context.model, { scope: context.scope, asOf: context.asOf });
}

export function findingsSection(context: ReportContext, findings: readonly LintFinding[]): string {
  const { t } = context;
  const counts = new Map<LintSeverity, number>(
    SEVERITIES.map((severity) => [severity, findings.filter((finding) => finding.severity === severity).length]),
  );
  const filters = SEVERITIES.map(
    (severity) =>
      `<label><input type="checkbox" name="severity" value="${severity}" checked> <span class="severity ${severity}"><span aria-hidden="true">${SEVERITY_MARK[severity]}</span> ${esc(t(severity))}</span> (${context.num(counts.get(severity) ?? 0)})</label>`,
  ).join(' ');
  const controls = `<form class="filters" id="findings-filters" hidden role="search" aria-label="${esc(t('findings'))}">
<fieldset><legend>${esc(t('severity'))}</legend>${filters}</fieldset>
<label for="findings-search">${esc(t('search'))}</label> <input type="search" id="findings-search" name="q" autocomplete="off">
<output id="findings-count" aria-live="polite" for="findings-search" data-template="${esc(`${t('showing')} {shown} ${t('of')} {total}`)}"></output></form>`;
  const listed = findings
    .map((finding, order) => ({ finding, order }))
    .sort(
      (a, b) => SEVERITIES.indexOf(a.finding.severity) - SEVERITIES.indexOf(b.finding.severity) || a.order - b.order,
    )
    .slice(0, FINDINGS_LIMIT)
    .map((entry) => entry.finding);
  const rows = listed
    .map(
      (finding) =>
        `<tr data-severity="${finding.severity}">${sortCell(`<span class="severity ${finding.severity}"><span aria-hidden="true">${SEVERITY_MARK[finding.severity]}</span> ${esc(t(finding.severity))}</span>`, SEVERITIES.indexOf(finding.severity))}${sortCell(`<code>${esc(finding.rule)}</code>`, finding.rule)}${sortCell(context.nameHtml(finding.entity), context.name(finding.entity))}<td>${esc(finding.message)}</td></tr>`,
    )
    .join('');
  const note = t('messagesInEnglish');
  return `<section id="findings" aria-labelledby="findings-h">
<h2 id="findings-h">${esc(t('findings'))} <span class="muted">(${context.num(findings.length)})</span></h2>
${note ? `<p class="muted">${esc(note)}</p>` : ''}
${controls}
${summary(context, findings)}
${listed.length < findings.length ? `<p class="limit" id="findings-limit">${esc(t('findingsLimit').replace('{shown}', context.num(listed.length)).replace('{total}', context.num(findings.length)))}</p>` : ''}
${findings.length ? `<table class="data sortable" id="findings-table" data-total="${listed.length}">${sortableHead([{ label: t('severity') }, { label: t('rule') }, { label: t('entity') }, { label: t('message') }], t('sortBy'))}<tbody>${rows}</tbody></table>` : `<p>${esc(t('none'))}</p>`}
</section>`;
}

/** Findings counted by rule, most first. */
function summary(context: ReportContext, findings: readonly LintFinding[]): string {
  const { t } = context;
  const byRule = new Map<string, { severity: LintSeverity; count: number }>();
  for (const finding of findings) {
    const entry = byRule.get(finding.rule);
    if (entry) entry.count++;
    else byRule.set(finding.rule, { severity: finding.severity, count: 1 });
  }
  if (byRule.size === 0) return '';
  const rows = [...byRule]
    .sort(
      (a, b) =>
        SEVERITIES.indexOf(a[1].severity) - SEVERITIES.indexOf(b[1].severity) ||
        b[1].count - a[1].count ||
        (a[0] < b[0] ? -1 : 1),
    )
    .map(
      ([rule, entry]) =>
        `<tr data-rule="${esc(rule)}"><td><code>${esc(rule)}</code></td><td><span class="severity ${entry.severity}"><span aria-hidden="true">${SEVERITY_MARK[entry.severity]}</span> ${esc(t(entry.severity))}</span></td><td class="num">${context.num(entry.count)}</td></tr>`,
    )
    .join('');
  return `<table class="data" id="findings-by-rule"><caption>${esc(t('findingsByRule'))}</caption>${plainHead([t('rule'), t('severity'), t('count')], new Set([2]))}<tbody>${rows}</tbody></table>`;
}
