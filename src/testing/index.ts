/**
 * `kartta/testing`: seeded generators of realistic synthetic region models and migration plans, for tests,
 * demos and benchmarks. Architects need test data too: the output looks like a Finnish region's inventory
 * (municipalities, joint authorities, hospital districts, TORI and TOSI systems with real product names spelt
 * the way inventories spell them, integrations through platforms) and is the same for the same seed.
 *
 * @example
 * ```ts
 * import { Model } from 'kartta';
 * import { generateRegionModel } from 'kartta/testing';
 * const model = Model.load(generateRegionModel({ seed: 1, systems: 2_000 }));
 * const region = model.organisations().find((o) => o.kind === 'region')!;
 * console.log(model.scope(region.id).systems.length);
 * ```
 *
 * @module kartta/testing
 */
export { generateRegionModel, GeneratorOptionError, type RegionModelOptions } from './generate.js';
export { OptionError } from '../errors.js';
export {
  generateMigrationPlan,
  type MigrationPlanOptions,
  type GeneratedPlan,
  type GeneratedStep,
  type PlanSource,
} from './plan.js';
