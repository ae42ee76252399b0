/**
 * Writing HTML as text: every value from the model passes through {@link esc} (text and attribute values alike),
 * so a name such as `<script>` or `"onload=` is shown, never run.
 */

const ESCAPES: ReadonlyMap<string, string> = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&#39;'],
]);

/** Text or an attribute value, escaped for HTML. */
export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (char) => ESCAPES.get(char) as string);
}

/** A fragment id made from a model id: letters, digits and `-` kept, everything else as `_<hex>`. */
export function anchor(prefix: string, id: string): string {
  let out = prefix;
  for (const char of id) out += /[A-Za-z0-9-]/.test(char) ? char : `_${(char.codePointAt(0) as number).toString(16)}`;
  return out;
}

/** One table cell for a column a script can sort: `value` is what sorting compares (numbers as numbers). */
export function sortCell(html: string, value: string | number, tag: 'td' | 'th' = 'td', attributes = ''): string {
  const kind = typeof value === 'number' ? ' data-sort-number' : '';
  return `<${tag} data-sort="${esc(value)}"${kind}${attributes}>${html}</${tag}>`;
}

/**
 * A table header whose columns can be sorted. Each header holds a button (keyboard-usable) that the report's
 * script wires up; without script the button is hidden and the header reads as plain text.
 */
export function sortableHead(columns: readonly { label: string; numeric?: boolean }[], hint: string): string {
  const cells = columns.map(
    (column, index) =>
      `<th scope="col" data-column="${index}"${column.numeric ? ' class="num"' : ''}><span class="th-text">${esc(column.label)}</span><button type="button" class="sort" hidden aria-label="${esc(`${hint}: ${column.label}`)}">↕</button></th>`,
  );
  return `<thead><tr>${cells.join('')}</tr></thead>`;
}

/** A plain table head. */
export function plainHead(columns: readonly string[], numeric: ReadonlySet<number> = new Set()): string {
  return `<thead><tr>${columns.map((label, index) => `<th scope="col"${numeric.has(index) ? ' class="num"' : ''}>${esc(label)}</th>`).join('')}</tr></thead>`;
}
