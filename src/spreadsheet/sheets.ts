/**
 * From raw sheets to records: what each sheet holds (by the mapping, its name, or its headers), where its header
 * row is, which column is which field, and every data row read cell by cell into values, with a problem for each
 * cell that cannot be read.
 */
import {
  FIELDS,
  type FieldSpec,
  INSTRUCTION_SHEETS,
  NAME_LANGUAGE,
  type SheetKind,
  headerIndex,
  sheetKindOfName,
} from './fields.js';
import type { ParsedMapping } from './mapping.js';
import type { CellLocation, InventoryNote, InventoryProblem } from './problems.js';
import { type RawRow, type RawSheet, type RawValue, cellReference, columnLetters, sheetPrefix } from './table.js';
import { readValue } from './values.js';
import { cap, fold, suggest } from './words.js';

/** A column of a sheet and the field it holds. */
interface Column {
  readonly index: number;
  readonly header: string;
  readonly field: FieldSpec;
  /** For name columns such as `Nimi (sv)`: the language. */
  readonly language?: string;
}

/** A column of a sheet as its cell references and problems name it. */
export interface SheetColumn {
  /** The header as written in the file. */
  readonly header: string;
  /** The column letters, `D`. */
  readonly letters: string;
}

/** Where the rows of one sheet are: shared by all of them, so that a row keeps only its number. */
export interface SheetPlace {
  readonly file: string;
  readonly sheet: string;
  /** The sheet part of the sheet's cell references, `Järjestelmät!`. */
  readonly prefix: string;
  /** Field key (`name:sv` for name columns such as `Nimi (sv)`) → the column that holds it. */
  readonly columns: ReadonlyMap<string, SheetColumn>;
}

/**
 * One data row, read. Positions are kept as numbers and the places of the sheet; a location object and its cell
 * reference are built only when something asks for them (a problem, a note, an id collision), not for every cell:
 * at 100,000 systems that was millions of objects.
 */
export class RowRecord {
  /** Field key → value read (only cells that were read successfully and are not empty). */
  readonly values: Map<string, unknown>;
  /** Names by language, from columns such as `Nimi (sv)`. */
  readonly names: Map<string, string>;
  /** The organisation the sheet stands for (one sheet per organisation), or the source's organisation. */
  readonly defaultOwner: string | undefined;
  /** True once the row has a problem: it is not imported. */
  bad: boolean;
  /** A short text of the row's content, to order rows independently of their position. */
  content: string;
  private where: (CellLocation & { readonly row: number; readonly cell: string }) | undefined;

  constructor(
    readonly kind: SheetKind,
    readonly place: SheetPlace,
    /** The row number as the spreadsheet shows it. */
    readonly row: number,
    /** The letters of the row's first read column: the cell that stands for the row. */
    private readonly firstLetters: string,
    fields: {
      values: Map<string, unknown>;
      names: Map<string, string>;
      defaultOwner: string | undefined;
      bad: boolean;
      content: string;
    },
  ) {
    this.values = fields.values;
    this.names = fields.names;
    this.defaultOwner = fields.defaultOwner;
    this.bad = fields.bad;
    this.content = fields.content;
  }

  /** Where the row is, its first read cell as the cell. */
  get location(): CellLocation & { readonly row: number; readonly cell: string } {
    this.where ??= {
      file: this.place.file,
      sheet: this.place.sheet,
      row: this.row,
      cell: `${this.place.prefix}${this.firstLetters}${this.row}`,
    };
    return this.where;
  }

  /** Where the cell of a field is in this row, for problems found later (references, conflicts, model rules). */
  cell(key: string): CellLocation | undefined {
    const column = this.place.columns.get(key);
    if (column === undefined) return undefined;
    return {
      file: this.place.file,
      sheet: this.place.sheet,
      row: this.row,
      column: column.header,
      cell: `${this.place.prefix}${column.letters}${this.row}`,
    };
  }
}

/** What reading the sheets produced. */
export interface SheetRead {
  readonly records: RowRecord[];
  readonly problems: InventoryProblem[];
  readonly notes: InventoryNote[];
}

const HEADER_SEARCH_ROWS = 10;

/** Sheet kinds whose header row may have a single known header. */
const ONE_COLUMN_KINDS: ReadonlySet<SheetKind> = new Set(['model', 'themes', 'funders']);

function text(value: RawValue | undefined): string {
  return value === undefined ? '' : typeof value === 'string' ? value.trim() : String(value);
}

function resolveColumn(
  kind: SheetKind,
  header: string,
  index: Map<string, FieldSpec>,
  mapping: ParsedMapping,
): { field?: FieldSpec; language?: string; ignored?: true } {
  const folded = fold(header);
  const mapped = mapping.columns.get(folded);
  if (mapped !== undefined) {
    const target = mapped.has(kind) ? mapped.get(kind) : mapped.get('*');
    if (target === null) return { ignored: true };
    if (target !== undefined) {
      const field = (FIELDS.get(kind) ?? []).find((spec) => spec.key === target);
      if (field !== undefined) return { field };
    }
  }
  const direct = index.get(folded) ?? index.get(folded.replaceAll(' ', ''));
  if (direct !== undefined) return { field: direct };
  const language = NAME_LANGUAGE.exec(folded);
  if (language) {
    const base = index.get(language[1] as string);
    if (base !== undefined && base.key === 'name') return { field: base, language: language[2] };
  }
  return {};
}

/** What headers make a sheet of each kind, in the order tried, when its name says nothing. */
const KIND_BY_HEADERS: readonly [SheetKind, readonly string[], readonly string[]][] = [
  ['integrations', ['source', 'target'], []],
  ['systems', ['name'], ['lifecycle', 'class']],
  ['budget', ['project', 'year', 'amount'], []],
  ['funding', ['project', 'funder'], []],
  ['projects', ['name', 'start'], ['status']],
  ['offerings', ['name', 'provider'], ['services']],
  ['organisations', ['name'], ['kind', 'businessId', 'municipalityCode']],
  ['services', ['name'], ['domain']],
  ['products', ['name'], ['aliases']],
];

/** Classifies a sheet by its headers: all of the first list and one of the second (if any). */
function kindOfHeaders(row: RawRow | undefined): SheetKind | undefined {
  if (row === undefined) return undefined;
  for (const [kind, all, some] of KIND_BY_HEADERS) {
    const index = headerIndex(kind);
    const fields = new Set<string>();
    for (const value of row.values) {
      const field = index.get(fold(text(value)));
      if (field !== undefined) fields.add(field.key);
    }
    if (all.every((key) => fields.has(key)) && (some.length === 0 || some.some((key) => fields.has(key)))) return kind;
  }
  return undefined;
}

/** The header row: the first of the first ten rows with at least two recognised headers. */
function findHeaderRow(sheet: RawSheet, kind: SheetKind, mapping: ParsedMapping): number {
  const index = headerIndex(kind);
  for (let i = 0; i < Math.min(HEADER_SEARCH_ROWS, sheet.rows.length); i++) {
    let known = 0;
    for (const value of (sheet.rows[i] as RawRow).values)
      if (value !== undefined && resolveColumn(kind, text(value), index, mapping).field !== undefined) known++;
    // A catalogue of names (the model's own, themes, funders) may well be a sheet of one column.
    if (known >= 2 || (known === 1 && ONE_COLUMN_KINDS.has(kind))) return i;
  }
  return -1;
}

/** Reads every sheet of every file into row records, finding every cell problem in one pass. */
export function readSheets(
  sheets: readonly RawSheet[],
  mapping: ParsedMapping,
  owners: ReadonlyMap<string, string>,
): SheetRead {
  const records: RowRecord[] = [];
  const problems: InventoryProblem[] = [];
  const notes: InventoryNote[] = [];
  for (const sheet of sheets) {
    const base = { file: sheet.file, sheet: sheet.name };
    const folded = fold(sheet.name);
    if (INSTRUCTION_SHEETS.has(folded)) continue;
    let kind: SheetKind | null | undefined = mapping.sheets.has(folded)
      ? mapping.sheets.get(folded)
      : sheetKindOfName(sheet.name);
    let defaultOwner = owners.get(sheet.file);
    if (kind === null) continue;
    if (kind === undefined) {
      const firstRows = sheet.rows.slice(0, HEADER_SEARCH_ROWS);
      kind = firstRows.map((row) => kindOfHeaders(row)).find((k) => k !== undefined);
      // One sheet per organisation: a sheet of systems not named as a kind is named after its organisation.
      if (kind === 'systems' && !sheet.csv) defaultOwner ??= sheet.name.trim();
    }
    if (kind === undefined) {
      if (sheet.rows.length > 0)
        notes.push({
          ...base,
          code: 'spreadsheet.sheet-ignored',
          message: `Sheet ${sheet.name} of ${sheet.file} was not recognised by its name or headers and was not read; name it in the mapping file's "sheets" if it holds data`,
        });
      continue;
    }
    const headerRowIndex = findHeaderRow(sheet, kind, mapping);
    if (headerRowIndex < 0) {
      if (sheet.rows.length > 0)
        problems.push({
          ...base,
          code: 'spreadsheet.column-missing',
          message: `Sheet ${sheet.name} of ${sheet.file} looks like ${kind} but has no header row with known columns in its first ${HEADER_SEARCH_ROWS} rows`,
          expected: `headers such as ${(FIELDS.get(kind) ?? [])
            .slice(0, 4)
            .map((f) => `"${f.fi[0]}"`)
            .join(', ')}`,
        });
      continue;
    }
    const headerRow = sheet.rows[headerRowIndex] as RawRow;
    const index = headerIndex(kind);
    const columns: Column[] = [];
    const unknownHeaders: { header: string; column: number }[] = [];
    const taken = new Map<string, Column>();
    headerRow.values.forEach((value, column) => {
      const header = text(value);
      if (header === '') return;
      const resolved = resolveColumn(kind, header, index, mapping);
      if (resolved.ignored) return;
      if (resolved.field === undefined) {
        unknownHeaders.push({ header, column });
        return;
      }
      const key = resolved.language === undefined ? resolved.field.key : `${resolved.field.key}:${resolved.language}`;
      const earlier = taken.get(key);
      const entry: Column = {
        index: column,
        header,
        field: resolved.field,
        ...(resolved.language === undefined ? {} : { language: resolved.language }),
      };
      if (earlier !== undefined) {
        problems.push({
          ...base,
          row: headerRow.number,
          column: header,
          cell: cellReference(sheet, headerRow.number, column),
          code: 'spreadsheet.column-duplicate',
          message: `${cellReference(sheet, headerRow.number, column)} (${sheet.file}): the column "${cap(header, 40)}" holds the same field (${resolved.field.key}) as column "${cap(earlier.header, 40)}"; remove one, or map one to another field or to null in the mapping file`,
        });
        return;
      }
      taken.set(key, entry);
      columns.push(entry);
    });
    const present = new Set(columns.map((c) => c.field.key));
    const missing = (FIELDS.get(kind) ?? []).filter(
      (field) =>
        field.required === true && !present.has(field.key) && !(field.key === 'owner' && defaultOwner !== undefined),
    );
    for (const field of missing) {
      const suggestion =
        suggest(
          field.fi[0] as string,
          unknownHeaders.map((u) => u.header),
        ) ??
        unknownHeaders.find((u) => suggest(u.header, [...field.fi, ...field.sv, ...field.en]) !== undefined)?.header;
      problems.push({
        ...base,
        row: headerRow.number,
        code: 'spreadsheet.column-missing',
        message: `Sheet ${sheet.name} of ${sheet.file} has no column for ${field.key} (e.g. "${field.fi[0]}", "${field.sv[0]}" or "${field.en[0]}")${suggestion === undefined ? '' : `; did you mean the column "${suggestion}"? Rename it, or map it in the mapping file`}; none of its rows can be read`,
        expected: `a column headed ${[field.fi[0], field.sv[0], field.en[0]].map((h) => `"${h}"`).join(', ')}`,
        ...(suggestion === undefined ? {} : { suggestion }),
      });
    }
    for (const unknown of unknownHeaders) {
      const guesses = [...index.keys()];
      const near = suggest(
        unknown.header,
        (FIELDS.get(kind) ?? []).flatMap((f) => [...f.fi, ...f.sv, ...f.en]),
      );
      notes.push({
        ...base,
        row: headerRow.number,
        column: unknown.header,
        cell: cellReference(sheet, headerRow.number, unknown.column),
        code: 'spreadsheet.column-ignored',
        message: `Column "${cap(unknown.header, 40)}" of ${sheet.name} (${sheet.file}) is not a known ${kind} field and was not read${near === undefined ? '' : `; did you mean "${near}"?`}${guesses.length === 0 ? '' : ''}`,
      });
    }
    const sheetBad = missing.length > 0;
    const placeColumns = new Map<string, SheetColumn>();
    const letters: string[] = [];
    for (const column of columns) {
      letters.push(columnLetters(column.index));
      placeColumns.set(column.language === undefined ? column.field.key : `name:${column.language}`, {
        header: column.header,
        letters: columnLetters(column.index),
      });
    }
    const place: SheetPlace = { ...base, prefix: sheetPrefix(sheet.name), columns: placeColumns };
    const firstLetters = columnLetters(columns[0]?.index ?? 0);
    /** Where a cell is: only built for a problem. */
    const locate = (row: number, c: number): CellLocation & { readonly cell: string } => ({
      ...base,
      row,
      column: (columns[c] as Column).header,
      cell: `${place.prefix}${letters[c] as string}${row}`,
    });
    // The required fields with a column of their own, and the first column of each (a name column may come first).
    const required = (FIELDS.get(kind) ?? [])
      .filter((field) => field.required === true && present.has(field.key) && placeColumns.has(field.key))
      .map((field) => ({
        field,
        plain: columns.findIndex((c) => c.language === undefined && c.field.key === field.key),
        first: columns.find((c) => c.field.key === field.key)?.index ?? -1,
      }));
    for (let r = headerRowIndex + 1; r < sheet.rows.length; r++) {
      const row = sheet.rows[r] as RawRow;
      const flaws = row.flaws;
      if (!columns.some((c) => row.values[c.index] !== undefined || flaws?.has(c.index))) continue;
      const values = new Map<string, unknown>();
      let names: Map<string, string> | undefined;
      let bad = sheetBad;
      const contentParts: string[] = [];
      for (let c = 0; c < columns.length; c++) {
        const column = columns[c] as Column;
        const flaw = flaws?.get(column.index);
        const cellValue = row.values[column.index];
        const raw = typeof cellValue === 'string' && cellValue.trim() === '' ? undefined : cellValue;
        if (flaw !== undefined) {
          bad = true;
          const location = locate(row.number, c);
          problems.push({
            ...location,
            code: `spreadsheet.${flaw}`,
            message:
              flaw === 'formula-error'
                ? `${location.cell} (${sheet.file}): the formula's value is the error ${cap(text(raw), 20)}; fix the formula or type the value`
                : `${location.cell} (${sheet.file}): a formula without a saved value; Kartta never evaluates formulas: open and save the file in Excel, or type the value`,
            ...(raw === undefined ? {} : { value: cap(text(raw)) }),
            expected: 'a value, not a formula without a result',
          });
          continue;
        }
        if (raw === undefined) continue;
        const rawText = text(raw);
        contentParts.push(`${column.field.key}=${rawText}`);
        if (column.language !== undefined) {
          (names ??= new Map<string, string>()).set(column.language, typeof raw === 'string' ? raw : rawText);
          continue;
        }
        const result = readValue(column.field.type, raw, row.percent?.has(column.index) === true);
        if (result.ok) {
          values.set(column.field.key, result.value);
        } else {
          bad = true;
          const location = locate(row.number, c);
          const value = cap(rawText);
          problems.push({
            ...location,
            code: 'spreadsheet.cell-invalid',
            message: `${location.cell} (${sheet.file}, column "${cap(column.header, 40)}"): "${value}" is not ${result.expected}${result.suggestion === undefined ? '' : `; did you mean "${result.suggestion}"?`}`,
            value,
            expected: result.expected,
            ...(result.suggestion === undefined ? {} : { suggestion: result.suggestion }),
          });
        }
      }
      for (const { field, plain, first } of required) {
        if (values.has(field.key)) continue;
        if (field.key === 'name' && names !== undefined && names.size > 0) continue;
        if (row.values[first] !== undefined || flaws?.has(first)) continue;
        bad = true;
        const location = locate(row.number, plain);
        problems.push({
          ...location,
          code: 'spreadsheet.value-missing',
          message: `${location.cell} (${sheet.file}): the ${field.key} of this row is empty; it is required`,
          expected: field.help?.en ?? `a ${field.key}`,
        });
      }
      records.push(
        new RowRecord(kind, place, row.number, firstLetters, {
          values,
          names: names ?? new Map<string, string>(),
          defaultOwner,
          bad,
          content: contentParts.sort().join('\u0000'),
        }),
      );
    }
  }
  return { records, problems, notes };
}
