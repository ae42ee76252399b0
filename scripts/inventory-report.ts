/** Prints what readInventory reports for the sample inventory (the real output in docs/spreadsheets.md). Run: `npx tsx scripts/inventory-report.ts`. */
import { readInventory, SpreadsheetInventoryError } from '../src/spreadsheet/index.js';
const files = ['oulu.xlsx', 'kempele.xlsx', 'ppshp.xlsx'];
const r = readInventory(files.map((f) => `examples/inventory/${f}`));
console.log(
  'systems',
  r.model
    .systems()
    .map((s) => s.id)
    .join(', '),
);
console.log('integrations', r.document.integrations.map((i) => `${i.id}: ${i.source} -> ${i.target}`).join('\n'));
for (const p of r.products)
  console.log(
    `product ${p.id} "${p.name}" (${p.vendor ?? '-'}): ${p.spellings.map((s) => `${s.spelling} [${s.rule}, ${s.rows}]`).join('; ')}`,
  );
for (const n of r.notes) console.log('note', n.code, n.message);
console.log(
  JSON.stringify(
    r.document.systems.find((s) => s.id === 'oulu-effica'),
    null,
    2,
  ),
);
console.log(JSON.stringify(r.document.products, null, 2));
try {
  readInventory(files.map((f) => `examples/inventory-with-errors/${f}`));
} catch (e) {
  if (e instanceof SpreadsheetInventoryError) {
    console.log(e.message);
  } else throw e;
}
const p = readInventory(
  files.map((f) => `examples/inventory-with-errors/${f}`),
  { partial: true },
);
console.log('partial rows', p.rows, p.problems.map((x) => `${x.cell} ${x.code}`).join('\n'));
