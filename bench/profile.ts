/**
 * A workload for CPU profiles of Kartta's core paths on generated data: load, a few small edits, export or
 * import. Run it under `node --cpu-prof` and read the profile with bench/profile-summary.ts. Bundled with
 * esbuild first (dependencies left external, so the bundle must sit inside the project to find them), the
 * profile keeps real function names and line numbers (tsx's transform loses lines):
 *
 *   npx esbuild bench/profile.ts --bundle --platform=node --format=esm --packages=external \
 *     --outfile=node_modules/.cache/kartta-profile.mjs
 *   node --cpu-prof --cpu-prof-dir=/tmp/kartta-prof node_modules/.cache/kartta-profile.mjs --systems=100000 --what=load,edit
 *   npx tsx bench/profile-summary.ts /tmp/kartta-prof/*.cpuprofile 40
 */
import { Model } from '../src/index.js';
import { toArchimateXml } from '../src/archimate/export.js';
import { fromArchimateXml } from '../src/archimate/import.js';
import { generateRegionModel } from '../src/testing/index.js';

const option = (name: string, fallback: string): string =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const systems = Number(option('systems', '100000'));
const what = new Set(option('what', 'load,edit').split(','));

const time = <T>(label: string, fn: () => T): T => {
  const start = performance.now();
  const value = fn();
  console.error(`${label}: ${(performance.now() - start).toFixed(0)} ms`);
  return value;
};

const doc = time('generate', () => generateRegionModel({ seed: 2026, systems }));
let model = time('load', () => Model.load(doc));
if (what.has('load')) for (let i = 0; i < 2; i++) model = time('load again', () => Model.load(doc));
if (what.has('edit')) {
  const k = Math.floor(systems / 2);
  for (let i = 0; i < 20; i++) {
    model = time(
      'edit',
      () =>
        model.edit((draft) => {
          draft.systems[k]!.users = i;
        }).model,
    );
  }
}
if (what.has('export') || what.has('import')) {
  const xml = time('export', () => toArchimateXml(model));
  if (what.has('import')) time('import', () => fromArchimateXml(xml, { maxLength: 2 ** 30 }));
}
