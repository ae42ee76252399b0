/**
 * `kartta/report`: the region report, one self-contained HTML page (style, script, charts and diagrams inline)
 * that a steering group can open from an e-mail attachment, read offline and print. A subpath of its own so that
 * the core library does not load the charting library.
 *
 * @example
 * ```ts
 * import { readFileSync, writeFileSync } from 'node:fs';
 * import { Model } from 'kartta';
 * import { toHtmlReport } from 'kartta/report';
 * const model = Model.load(readFileSync('examples/pohjois-pohjanmaa.json', 'utf8'));
 * const plan = JSON.parse(readFileSync('examples/pohjois-pohjanmaa.plan.json', 'utf8'));
 * writeFileSync('report.html', toHtmlReport(model, { lang: 'fi', plan, asOf: '2020-06-01' }));
 * ```
 *
 * @module kartta/report
 */
export { toHtmlReport, type ReportOptions } from './report.js';
export { reportLanguages, type ReportLanguage } from './labels.js';
