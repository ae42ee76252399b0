// Module hooks (they run on Node's loader thread): append every resolved module URL to the file named by
// KARTTA_LOADS_FILE, synchronously, so nothing is lost when the process exits.
import { appendFileSync } from 'node:fs';

const file = process.env.KARTTA_LOADS_FILE;

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  if (file) appendFileSync(file, `${result.url}\n`);
  return result;
}
