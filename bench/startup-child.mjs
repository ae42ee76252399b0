// One fresh process of bench/startup.ts: loads one entry file of the built package, as an ES module (`import()`)
// or with require(), and prints {"ms": ..., "cpuMs": ..., "required": [...]} on standard output. `ms` is the time
// the load took inside the process (Node's own start-up is the same for every entry, so it is left out), `cpuMs`
// the processor time it used (all threads), which a busy machine disturbs less than `ms`. `required` is
// every file the CommonJS loader resolved: the CommonJS entries, and the CommonJS packages an ES module imports,
// whose own require() calls the ES module hook of test/cli/record-loads.mjs never sees.
//
//   node [--import test/cli/record-loads.mjs] bench/startup-child.mjs FILE esm|cjs
import Module, { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const [file, format] = process.argv.slice(2);
const required = [];
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (...args) {
  const resolved = resolveFilename.apply(this, args);
  required.push(resolved);
  return resolved;
};
const require = createRequire(import.meta.url);
const cpuStart = process.cpuUsage();
const start = performance.now();
if (format === 'cjs') require(file);
else await import(pathToFileURL(file).href);
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, required }));
