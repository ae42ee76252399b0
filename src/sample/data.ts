/**
 * The sample's documents, embedded in the bundle (the build inlines the JSON), so that they load the same from
 * the repository, an installed package, ES modules and CommonJS, with no file path to resolve. Internal: the
 * public entry is `./index.ts`; the command imports this module alone, as it writes the documents unparsed.
 */
import region from '../../examples/pohjois-pohjanmaa.json' with { type: 'json' };
import plan from '../../examples/pohjois-pohjanmaa.plan.json' with { type: 'json' };
import hospitalDistrict from '../../examples/scenarios/hospital-district.scenario.json' with { type: 'json' };
import oulu from '../../examples/scenarios/oulu.scenario.json' with { type: 'json' };
import regionalCouncil from '../../examples/scenarios/regional-council.scenario.json' with { type: 'json' };

/** The names of the sample's scenarios: their file names in `examples/scenarios/` without `.scenario.json`. */
export const scenarioNames = ['hospital-district', 'oulu', 'regional-council'] as const;
type ScenarioName = (typeof scenarioNames)[number];

/** The region document (`examples/pohjois-pohjanmaa.json`) as parsed JSON; never handed out, only copies. */
export const regionData: unknown = region;
/** The migration plan (`examples/pohjois-pohjanmaa.plan.json`) as parsed JSON; never handed out, only copies. */
export const planData: unknown = plan;
/** Each scenario document as parsed JSON, by name; never handed out, only copies. */
export const scenarioData: ReadonlyMap<ScenarioName, unknown> = new Map<ScenarioName, unknown>([
  ['hospital-district', hospitalDistrict],
  ['oulu', oulu],
  ['regional-council', regionalCouncil],
]);

/** A document as its file in `examples/` has it, byte for byte: two-space JSON and a final newline. */
export function jsonText(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
