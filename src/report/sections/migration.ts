/**
 * Migration: the plan's waves as a timeline (one bar per step over its wave, deadlines as ticks, missed deadlines
 * crossed and named), the same as a table with each step's explanations on demand, the bridges that must be kept
 * alive between waves, and any violations.
 */
import type { MigrationPlan } from '../../migration/plan-schema.js';
import type { MigrationResult } from '../../migration/result.js';
import { timelineChart, type ChartDocument, type TimelineBar } from '../charts.js';
import type { ReportContext } from '../context.js';
import { esc, plainHead } from '../html.js';
import { localeOf } from '../labels.js';

/** A plan and where `planMigration` placed its steps. */
export interface PlannedMigration {
  readonly plan: MigrationPlan;
  readonly result: MigrationResult;
}

function utc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** The day after `date`, so that a bar ending on a wave's last day covers that day. */
function dayAfter(date: string): Date {
  const next = utc(date);
  next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/** Above this many steps the timeline draws one bar per wave (the table still lists every step). */
export const TIMELINE_STEP_LIMIT = 60;

function waveBars(
  context: ReportContext,
  waves: readonly MigrationResult['waves'][number][],
  missed: ReadonlyMap<string, unknown>,
): TimelineBar[] {
  const { t } = context;
  return waves.map((wave) => {
    const dated = wave.start !== undefined && wave.end !== undefined;
    const misses = wave.steps.filter((id) => missed.has(id)).length;
    return {
      label: `${t('wave')} ${wave.index} (${context.num(wave.steps.length)} ${t('steps')})`,
      start: dated ? utc(wave.start) : wave.index - 0.95,
      end: dated ? dayAfter(wave.end) : wave.index - 0.05,
      group: `${t('wave')} ${wave.index}`,
      deadline: null,
      missed: misses > 0,
      missedText: `${context.num(misses)} ${t('missed')}`,
    };
  });
}

export function migrationSection(
  context: ReportContext,
  planned: PlannedMigration | undefined,
  charts: ChartDocument,
): string {
  const { t } = context;
  if (!planned) {
    return `<section id="migration" aria-labelledby="migration-h"><h2 id="migration-h">${esc(t('migration'))}</h2><p>${esc(t('noPlan'))}</p></section>`;
  }
  const { plan, result } = planned;
  const steps = new Map(plan.steps.map((step) => [step.id, step]));
  const missed = new Map(result.missedDeadlines.map((entry) => [entry.step, entry]));
  const waves = [...result.waves].sort((a, b) => a.index - b.index);
  const waveLabel = (index: number) => `${t('wave')} ${index}`;
  const labels = new Map<string, string>();
  const used = new Set<string>();
  for (const wave of waves) {
    for (const id of wave.steps) {
      const step = steps.get(id);
      if (!step) continue;
      let text = step.target
        ? `${context.name(step.system)} → ${context.name(step.target)}`
        : `${context.name(step.system)} (${t(step.action)})`;
      if (used.has(text)) text = `${text} [${id}]`;
      used.add(text);
      labels.set(id, text);
    }
  }
  const bars: TimelineBar[] = waves.flatMap((wave) =>
    wave.steps.flatMap((id) => {
      const step = steps.get(id);
      if (!step) return [];
      const dated = wave.start !== undefined && wave.end !== undefined;
      return [
        {
          label: labels.get(id) as string,
          start: dated ? utc(wave.start) : wave.index - 0.95,
          end: dated ? dayAfter(wave.end) : wave.index - 0.05,
          group: waveLabel(wave.index),
          deadline: dated && step.deadline ? dayAfter(step.deadline) : null,
          missed: missed.has(id),
        },
      ];
    }),
  );
  const timeline = bars.length > TIMELINE_STEP_LIMIT ? waveBars(context, waves, missed) : bars;
  const chart = timeline.length
    ? timelineChart(charts, timeline, {
        title: t('timeline'),
        groups: waves.map((wave) => waveLabel(wave.index)),
        missedText: t('missed'),
        axisLabel: waves[0]?.start ? '' : t('wave'),
        locale: localeOf(context.lang),
      })
    : '';
  const stepRows = waves
    .flatMap((wave) =>
      wave.steps.map((id) => {
        const step = steps.get(id);
        if (!step) return '';
        const miss = missed.get(id);
        const deadline = step.deadline
          ? miss
            ? `<span class="missed">✕ ${esc(step.deadline)} ${esc(t('missed'))}</span>`
            : `<span class="met">✓ ${esc(step.deadline)} ${esc(t('met'))}</span>`
          : '';
        const explanations = Object.hasOwn(result.explanations, id) ? (result.explanations[id] ?? []) : [];
        const why = explanations.length
          ? `<details><summary>${esc(t('why'))}</summary><ul>${explanations.map((line) => `<li>${esc(line)}</li>`).join('')}</ul></details>`
          : '';
        return `<tr data-step="${esc(id)}"${miss ? ' class="is-missed"' : ''}><td class="num">${wave.index}</td><td class="date">${esc(wave.start ?? '')}</td><td class="date">${esc(wave.end ?? '')}</td><td><code>${esc(id)}</code></td><td>${esc(t(step.action))}</td><td>${context.nameHtml(step.system)}${step.target ? ` → ${context.nameHtml(step.target)}` : ''}</td><td>${deadline}</td><td>${why}</td></tr>`;
      }),
    )
    .join('');
  const table = `<table class="data" id="migration-steps">${plainHead([t('wave'), t('start'), t('end'), t('step'), t('action'), `${t('system')} → ${t('target')}`, t('deadline'), t('why')], new Set([0]))}<tbody>${stepRows}</tbody></table>`;
  const missedTable = result.missedDeadlines.length
    ? `<h3>${esc(t('missedDeadlines'))} <span class="muted">(${context.num(result.missedDeadlines.length)})</span></h3><table class="data" id="missed-deadlines">${plainHead([t('step'), t('deadline'), t('wave'), t('end'), t('cause')], new Set([2]))}<tbody>${result.missedDeadlines
        .map(
          (entry) =>
            `<tr><td><code>${esc(entry.step)}</code></td><td><span class="missed">✕ ${esc(entry.deadline)}</span></td><td class="num">${entry.wave}</td><td>${esc(entry.waveEnd)}</td><td>${esc(entry.message)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  const bridges = `<h3>${esc(t('bridges'))} <span class="muted">(${context.num(result.bridges.length)})</span></h3><p>${esc(t('bridgesIntro'))}</p>${
    result.bridges.length
      ? `<table class="data" id="bridges">${plainHead([t('integration'), t('step'), t('waves')])}<tbody>${result.bridges
          .map(
            (bridge) =>
              `<tr><td>${context.nameHtml(bridge.integration)}</td><td><code>${esc(bridge.steps[0])}</code>, <code>${esc(bridge.steps[1])}</code></td><td>${bridge.waves[0]} ↔ ${bridge.waves[1]}</td></tr>`,
          )
          .join('')}</tbody></table>`
      : `<p>${esc(t('none'))}</p>`
  }`;
  const violations = result.violations.length
    ? `<h3>${esc(t('violations'))} <span class="muted">(${context.num(result.violations.length)})</span></h3><ul id="violations">${result.violations.map((violation) => `<li><code>${esc(violation.code)}</code> ${esc(violation.message)}</li>`).join('')}</ul>`
    : '';
  const summary = `${context.num(waves.length)} ${esc(t('waves').toLowerCase())}, ${context.num(plan.steps.length)} ${esc(t('steps'))}, ${context.num(result.bridges.length)} ${esc(t('bridges').toLowerCase())} (${esc(result.optimal ? t('optimal') : t('heuristic'))})`;
  return `<section id="migration" aria-labelledby="migration-h">
<h2 id="migration-h">${esc(t('migration'))}</h2>
<p>${summary}</p>
${chart ? `<figure class="chart wide" id="chart-timeline"><figcaption>${esc(t('timeline'))}</figcaption>${chart}</figure>` : ''}
<h3>${esc(t('waves'))}</h3>
${table}
${missedTable}
${bridges}
${violations}
</section>`;
}
