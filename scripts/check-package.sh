#!/usr/bin/env bash
# Packs the library as npm would publish it, installs the tarball in a scratch project and imports it both as
# an ES module and with require() (the subpaths mixed: one Model class and one KarttaError class among them); then
# publint and Are-the-types-wrong check the package's metadata and types.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
tarball="$(npm pack --silent --pack-destination "$work" | tail -n 1)"
echo "packed $tarball"
(
  cd "$work"
  npm init -y >/dev/null
  npm install --no-audit --no-fund --silent "./$tarball" >/dev/null
  node --input-type=module -e "
    import { Model } from 'kartta';
    import schema from 'kartta/schema.json' with { type: 'json' };
    const m = Model.load({ format: 'kartta/1', name: 'Pyhäjärvi' });
    if (m.name !== 'Pyhäjärvi' || schema.title !== 'kartta/1 document') throw new Error('ESM import broken');
    const { generateRegionModel } = await import('kartta/testing');
    const { KarttaError } = await import('kartta');
    let shared = false;
    try { generateRegionModel({ seed: 1, systems: -1 }); } catch (error) { shared = error instanceof KarttaError; }
    if (!shared) throw new Error('kartta/testing errors are not KarttaError instances of kartta');
    const { toHtmlReport } = await import('kartta/report');
    const html = toHtmlReport(m, { asOf: '2024-01-01' });
    if (!html.startsWith('<!doctype html>')) throw new Error('kartta/report broken');
    let reportShared = false;
    try { toHtmlReport(m, { lang: 'de' }); } catch (error) { reportShared = error instanceof KarttaError; }
    if (!reportShared) throw new Error('kartta/report errors are not KarttaError instances of kartta');
    // kartta/core and kartta/archimate mixed, with the sample: one Model and one KarttaError class among them.
    const core = await import('kartta/core');
    const { fromArchimateXml, toArchimateXml } = await import('kartta/archimate');
    const { sampleRegion, sampleMigrationPlan, sampleScenarios } = await import('kartta/sample');
    const region = sampleRegion();
    if (!(region instanceof core.Model) || core.Model !== (await import('kartta')).Model) throw new Error('kartta/core Model is not shared');
    if (core.planMigration(region, sampleMigrationPlan()).waves.length === 0 || sampleScenarios().length !== 3) throw new Error('kartta/sample broken');
    if (!(fromArchimateXml(toArchimateXml(region)).model instanceof core.Model)) throw new Error('kartta/archimate does not return kartta/core models');
    let archimateShared = false;
    try { fromArchimateXml('<x/>'); } catch (error) { archimateShared = error instanceof core.KarttaError; }
    if (!archimateShared) throw new Error('kartta/archimate errors are not KarttaError instances of kartta/core');
    // The MIP solver's WebAssembly must load from the installed package.
    const { planMigrationOptimal } = core;
    const pm = core.Model.load({ format: 'kartta/1', name: 'P', systems: [{ id: 'a', name: 'A', class: 'TORI', lifecycle: 'production' }] });
    const mip = await planMigrationOptimal(pm, { steps: [{ id: 'x', action: 'retire', system: 'a' }] }, { method: 'mip' });
    if (mip.method !== 'mip' || !mip.proven) throw new Error('MIP solver broken (ESM): ' + JSON.stringify(mip.reasons));
    console.log('import: ok');
  "
  node -e "
    const { Model } = require('kartta');
    const schema = require('kartta/schema.json');
    const m = Model.load({ format: 'kartta/1', name: 'Pyhäjärvi' });
    if (m.name !== 'Pyhäjärvi' || schema.title !== 'kartta/1 document') throw new Error('CJS require broken');
    const testing = require('kartta/testing');
    let shared = false;
    try { testing.generateRegionModel({ seed: 1, systems: -1 }); } catch (error) { shared = error instanceof require('kartta').KarttaError; }
    if (!shared) throw new Error('kartta/testing errors are not KarttaError instances of kartta (CJS)');
    // kartta/report requires Observable Plot, an ES module: Node 20.19+ loads it with require().
    if (!require('kartta/report').toHtmlReport(m, { asOf: '2024-01-01' }).startsWith('<!doctype html>')) throw new Error('kartta/report broken (CJS)');
    const core = require('kartta/core');
    const archimate = require('kartta/archimate');
    const sample = require('kartta/sample');
    const region = sample.sampleRegion();
    if (!(region instanceof core.Model) || core.Model !== require('kartta').Model) throw new Error('kartta/core Model is not shared (CJS)');
    if (sample.sampleDocument().format !== 'kartta/1' || !(archimate.fromArchimateXml(archimate.toArchimateXml(region)).model instanceof core.Model)) throw new Error('kartta/sample or kartta/archimate broken (CJS)');
    let archimateShared = false;
    try { archimate.fromArchimateXml('<x/>'); } catch (error) { archimateShared = error instanceof core.KarttaError; }
    if (!archimateShared) throw new Error('kartta/archimate errors are not KarttaError instances of kartta/core (CJS)');
    const pm = require('kartta').Model.load({ format: 'kartta/1', name: 'P', systems: [{ id: 'a', name: 'A', class: 'TORI', lifecycle: 'production' }] });
    require('kartta').planMigrationOptimal(pm, { steps: [{ id: 'x', action: 'retire', system: 'a' }] }, { method: 'mip' }).then((mip) => {
      if (mip.method !== 'mip' || !mip.proven) throw new Error('MIP solver broken (CJS): ' + JSON.stringify(mip.reasons));
      console.log('require: ok');
    });
  "
  # The `kartta` command from the installed package: its bundle, the schema and the sample it embeds.
  npx --no-install kartta --version
  npx --no-install kartta validate node_modules/kartta/examples/pohjois-pohjanmaa.json
  npx --no-install kartta sample -o region.json
  cmp region.json node_modules/kartta/examples/pohjois-pohjanmaa.json && cmp region.plan.json node_modules/kartta/examples/pohjois-pohjanmaa.plan.json && echo 'kartta sample: ok'
  npx --no-install kartta plan node_modules/kartta/examples/pohjois-pohjanmaa.json node_modules/kartta/examples/pohjois-pohjanmaa.plan.json --method mip | tail -n 1
  npx --no-install kartta schema | node -e "JSON.parse(require('fs').readFileSync(0, 'utf8')); console.log('kartta schema: ok')"
)
npx publint --strict
npx attw --pack . --profile node16
rm -rf "$work"
