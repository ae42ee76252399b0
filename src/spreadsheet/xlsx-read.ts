/**
 * Reads the sheets of an XLSX workbook into raw rows: shared strings, inline strings, numbers, booleans, and the
 * cached value of every formula. Formulas are never evaluated: a formula without a cached value, or whose cached
 * value is an error such as `#N/A`, is flagged, and the reader of the inventory reports it if the cell is needed.
 */
import { SpreadsheetError } from './errors.js';
import { parseXml } from './xml-parse.js';
import { type CellFlaw, type RawRow, type RawSheet, type RawValue, TableCounter, columnIndex } from './table.js';
import { ZipArchive, type ZipLimits } from './zip-read.js';
import { unescapeExcel } from './xlsx-write.js';

interface SheetEntry {
  readonly name: string;
  readonly path: string;
}

/** Reads every visible sheet of a workbook. */
export function readXlsx(data: Uint8Array, file: string, limits: ZipLimits, counter: TableCounter): RawSheet[] {
  const zip = new ZipArchive(data, file, limits);
  const entries = sheetEntries(zip, file);
  const shared = sharedStrings(zip, file, counter);
  const percent = percentStyles(zip, file);
  return entries.map((entry) => readSheet(zip, file, entry, shared, percent, counter));
}

/** Excel's built-in percentage formats: `0%` and `0.00%`. */
const BUILT_IN_PERCENT = new Set(['9', '10']);

/**
 * The indexes of the cell styles that format a number as a percentage, so that a share typed as `70 %` (which
 * Excel keeps as 0.7) is read as 70. A format is a percentage when it has a `%` outside quotes and escapes.
 */
function percentStyles(zip: ZipArchive, file: string): ReadonlySet<number> {
  const styles = new Set<number>();
  const bytes = zip.read('xl/styles.xml');
  if (bytes === undefined) return styles;
  const custom = new Set<string>();
  let inCellXfs = false;
  let index = 0;
  parseXml(bytes, file, 'xl/styles.xml', {
    open(name, attributes) {
      if (name === 'numFmt') {
        const code = (attributes['formatCode'] ?? '').replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
        if (code.includes('%') && attributes['numFmtId'] !== undefined) custom.add(attributes['numFmtId']);
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = attributes['numFmtId'] ?? '0';
        if (BUILT_IN_PERCENT.has(id) || custom.has(id)) styles.add(index);
        index++;
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return styles;
}

function required(zip: ZipArchive, file: string, name: string): Buffer {
  const bytes = zip.read(name);
  if (bytes === undefined) {
    throw new SpreadsheetError(
      'spreadsheet.unreadable',
      `${file}: not an XLSX workbook (the part ${name} is missing); save it again as an Excel workbook (.xlsx) or CSV`,
      file,
    );
  }
  return bytes;
}

/** Resolves a relationship target against the folder of the part that names it. */
function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

function sheetEntries(zip: ZipArchive, file: string): SheetEntry[] {
  const targets = new Map<string, string>();
  const rels = zip.read('xl/_rels/workbook.xml.rels');
  if (rels !== undefined) {
    parseXml(rels, file, 'xl/_rels/workbook.xml.rels', {
      open(name, attributes) {
        const id = attributes['Id'];
        const target = attributes['Target'];
        if (
          name === 'Relationship' &&
          id !== undefined &&
          target !== undefined &&
          attributes['TargetMode'] !== 'External'
        ) {
          targets.set(id, resolveTarget(target));
        }
      },
      close() {},
      text() {},
    });
  }
  const sheets: SheetEntry[] = [];
  parseXml(required(zip, file, 'xl/workbook.xml'), file, 'xl/workbook.xml', {
    open(name, attributes) {
      if (name !== 'sheet') return;
      const state = attributes['state'];
      if (state === 'hidden' || state === 'veryHidden') return;
      const sheetName = attributes['name'] ?? '';
      const id = attributes['r:id'] ?? Object.entries(attributes).find(([key]) => key.endsWith(':id'))?.[1];
      const path = id === undefined ? undefined : targets.get(id);
      if (path !== undefined && zip.has(path)) sheets.push({ name: sheetName, path });
    },
    close() {},
    text() {},
  });
  return sheets;
}

function sharedStrings(zip: ZipArchive, file: string, counter: TableCounter): string[] {
  const bytes = zip.read('xl/sharedStrings.xml');
  const strings: string[] = [];
  if (bytes === undefined) return strings;
  let current = '';
  let inText = false;
  let phonetic = 0;
  parseXml(bytes, file, 'xl/sharedStrings.xml', {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 't' && phonetic === 0) inText = true;
      else if (name === 'rPh') phonetic++;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') {
        strings.push(current);
        if (strings.length > counter.limits.maxCells) {
          throw new SpreadsheetError(
            'spreadsheet.too-large',
            `${file}: more than ${counter.limits.maxCells} shared strings (option maxCells)`,
            file,
          );
        }
      }
    },
    text(text) {
      if (inText) current += text;
    },
  });
  return strings;
}

function readSheet(
  zip: ZipArchive,
  file: string,
  entry: SheetEntry,
  shared: readonly string[],
  percentStyle: ReadonlySet<number>,
  counter: TableCounter,
): RawSheet {
  const rows: RawRow[] = [];
  let row: RawRow | undefined;
  let nextRow = 1;
  let column = -1;
  let type = '';
  let hasFormula = false;
  let percent = false;
  let value: string | undefined;
  let inValue = false;
  let inInline = false;
  let inText = false;
  let inline = '';
  const limits = counter.limits;

  const finishCell = (): void => {
    if (row === undefined || column < 0) return;
    let raw: RawValue | undefined;
    let flaw: CellFlaw | undefined;
    if (type === 'inlineStr') raw = unescapeExcel(inline);
    else if (value === undefined) {
      if (hasFormula) flaw = 'formula-no-value';
    } else if (type === 's') raw = unescapeExcel(shared[Number(value)] ?? '');
    else if (type === 'str') raw = unescapeExcel(value);
    else if (type === 'b') raw = value === '1' || value === 'true';
    else if (type === 'e') {
      raw = value;
      flaw = 'formula-error';
    } else if (type === 'd') raw = value;
    else {
      const number = Number(value);
      raw = Number.isFinite(number) ? number : value;
      if (percent && typeof raw === 'number') (row.percent ??= new Set()).add(column);
    }
    if (raw !== undefined && raw !== '') {
      row.values[column] = raw;
      if (++counter.cells > limits.maxCells) {
        throw new SpreadsheetError(
          'spreadsheet.too-large',
          `${file}: more than ${limits.maxCells} cells in all (option maxCells)`,
          file,
        );
      }
    }
    if (flaw !== undefined) (row.flaws ??= new Map()).set(column, flaw);
  };

  parseXml(required(zip, file, entry.path), file, entry.path, {
    open(name, attributes) {
      switch (name) {
        case 'row': {
          const number = Number(attributes['r'] ?? nextRow);
          nextRow = number + 1;
          row = { number, values: [] };
          rows.push(row);
          column = -1;
          if (++counter.rows > limits.maxRows) {
            throw new SpreadsheetError(
              'spreadsheet.too-large',
              `${file}: more than ${limits.maxRows} rows in all (option maxRows)`,
              file,
            );
          }
          break;
        }
        case 'c': {
          const reference = attributes['r'];
          column = reference === undefined ? column + 1 : columnIndex(reference);
          if (column > 16_383)
            throw new SpreadsheetError(
              'spreadsheet.unreadable',
              `${file}: a cell beyond column XFD in ${entry.name}`,
              file,
            );
          type = attributes['t'] ?? 'n';
          const style = attributes['s'];
          percent = style !== undefined && percentStyle.size > 0 && percentStyle.has(Number(style));
          hasFormula = false;
          value = undefined;
          inline = '';
          break;
        }
        case 'v':
          inValue = true;
          value = '';
          break;
        case 'f':
          hasFormula = true;
          break;
        case 'is':
          inInline = true;
          break;
        case 't':
          if (inInline) inText = true;
          break;
        case 'rPh':
          inText = false;
          break;
      }
    },
    close(name) {
      switch (name) {
        case 'c':
          finishCell();
          column = column < 0 ? -1 : column;
          break;
        case 'v':
          inValue = false;
          break;
        case 'is':
          inInline = false;
          break;
        case 't':
          inText = false;
          break;
      }
    },
    text(text) {
      if (inValue) value += text;
      else if (inText) inline += text;
    },
  });
  return { file, name: entry.name, rows, csv: false };
}
