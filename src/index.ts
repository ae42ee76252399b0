/**
 * Kartta: a typed model of a region's enterprise architecture (organisations, services, TORI and TOSI systems
 * and their integrations) as a graph, with the queries architects ask when merging municipal and
 * hospital-district ICT into one region, and ArchiMate exchange.
 *
 * `kartta` exports everything for convenience: `kartta/core` (the model, queries, migration and scenarios) and
 * `kartta/archimate` (the exchange format and generated views). A tool that never reads or writes ArchiMate can
 * import `kartta/core` alone and skip loading the XML parser and the layout engine; see docs/performance.md
 * ("Startup cost").
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { Model } from 'kartta';
 * const model = Model.load(readFileSync('examples/pohjois-pohjanmaa.json', 'utf8'));
 * console.log(model.scope('pop').systems.length);
 * ```
 *
 * @module kartta
 */
export * from './core.js';
export * from './archimate/index.js';
