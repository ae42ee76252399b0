/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): the functions with the most self time, and the most
 * inclusive time, so hotspots can be read without a browser.
 *
 *   npx tsx bench/profile-summary.ts <file.cpuprofile> [rows]
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const [file, rowsArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: tsx bench/profile-summary.ts <file.cpuprofile> [rows]');
  process.exit(1);
}
const rows = Number(rowsArg ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfTime = new Map<number, number>();
profile.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n: Node): string => {
  const url = n.callFrame.url.replace(/^.*\/(node_modules\/)?/, (m, nm) => (nm ? 'nm:' : ''));
  return `${n.callFrame.functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
};
const self = new Map<string, number>();
const total = new Map<string, number>();
for (const n of profile.nodes) {
  const t = selfTime.get(n.id) ?? 0;
  if (t === 0) continue;
  self.set(label(n), (self.get(label(n)) ?? 0) + t);
  // Inclusive: add to every distinct ancestor label once.
  const seen = new Set<string>();
  for (let cur: number | undefined = n.id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur) as Node);
    if (seen.has(l)) continue;
    seen.add(l);
    total.set(l, (total.get(l) ?? 0) + t);
  }
}
const all = [...selfTime.values()].reduce((a, b) => a + b, 0);
const show = (title: string, map: Map<string, number>) => {
  console.log(`\n${title} (of ${(all / 1000).toFixed(0)} ms)`);
  for (const [l, t] of [...map].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
    console.log(`${(t / 1000).toFixed(0).padStart(8)} ms ${((100 * t) / all).toFixed(1).padStart(5)}%  ${l}`);
  }
};
show('self time', self);
show('inclusive time', total);
