/**
 * Scenarios: the comparison table of `compareScenarios`, one column per scenario after the base, each cell with
 * its difference from the base written out (never shown by colour alone), and the notes behind it on demand.
 */
import type { ComparisonCell, ComparisonRow, ScenarioComparison } from '../../scenarios/compare.js';
import type { ReportContext } from '../context.js';
import { esc } from '../html.js';

export function scenariosSection(context: ReportContext, comparison: ScenarioComparison): string {
  const { t } = context;
  const head = comparison.columns.map((column) => `<th scope="col">${esc(column.name)}</th>`).join('');
  // Descriptions are paragraphs: under the table they stay readable, in a header they would widen a column.
  const described = comparison.columns.filter((column) => column.description);
  const descriptions = described.length
    ? `<dl class="scenario-descriptions">${described.map((column) => `<dt>${esc(column.name)}</dt><dd>${esc(column.description ?? '')}</dd>`).join('')}</dl>`
    : '';
  const rows = comparison.rows
    .map(
      (row) =>
        `<tr data-measure="${esc(row.id)}"><th scope="row">${esc(row.label)}</th>${row.cells.map((cell) => `<td>${cellHtml(context, row, cell)}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<section id="scenarios" aria-labelledby="scenarios-h">
<h2 id="scenarios-h">${esc(t('scenarios'))} <span class="muted">(${context.num(comparison.columns.length - 1)})</span></h2>
<p>${esc(t('scenariosIntro'))}</p>
<div class="scenarios-scroll"><table class="data" id="scenarios-table"><thead><tr><th scope="col">${esc(t('measure'))}</th>${head}</tr></thead><tbody>${rows}</tbody></table></div>
${descriptions}
</section>`;
}

function cellHtml(context: ReportContext, row: ComparisonRow, cell: ComparisonCell): string {
  const value =
    cell.value === null ? '–' : typeof cell.value === 'number' ? formatted(context, row, cell.value) : cell.value;
  const delta =
    cell.delta === null || cell.delta === 0
      ? ''
      : ` <span class="delta ${cell.delta > 0 ? 'up' : 'down'}">(${cell.delta > 0 ? '+' : '−'}${formatted(context, row, Math.abs(cell.delta))})</span>`;
  const notes = cell.notes.length
    ? `<details><summary>${esc(context.t('details'))}</summary><ul>${cell.notes.map((note) => `<li>${esc(note)}</li>`).join('')}</ul></details>`
    : '';
  return `${esc(value)}${delta}${notes}`;
}

function formatted(context: ReportContext, row: ComparisonRow, value: number): string {
  return row.unit === 'eur' ? context.euros(value) : context.num(value);
}
