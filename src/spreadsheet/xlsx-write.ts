/**
 * Writes tables as an XLSX workbook (SpreadsheetML by hand, zipped deterministically): a styled, frozen header
 * row, fitted column widths, list validations for enumerated columns, dates as real date cells. Text that a
 * spreadsheet could take for a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) is written as a
 * string cell with Excel's quote prefix, so it is shown and kept as text and never evaluated, even after editing.
 */
import { writeZip } from './zip-write.js';
import { columnLetters } from './table.js';

/**
 * A cell to write: text, a number, a boolean, a date (ISO `YYYY-MM-DD`, written as a date cell), euros (a number
 * cell shown with two decimals) or a percentage (`{ percent: 12.5 }`, written as 0.125 in a cell formatted as a
 * percentage, as Excel keeps what is typed as `12,5 %`).
 */
export type OutCell =
  | string
  | number
  | boolean
  | { readonly date: string }
  | { readonly euros: number }
  | { readonly percent: number }
  | undefined;

/** One sheet to write. */
export interface OutSheet {
  readonly name: string;
  /** Header cells; empty for a sheet of free text (instructions). */
  readonly header: readonly string[];
  readonly rows: readonly (readonly OutCell[])[];
  /** Enumerated columns: the 0-based column and the words offered in its drop-down. */
  readonly lists?: readonly { readonly column: number; readonly values: readonly string[] }[];
}

/** The characters that make a spreadsheet treat text as a formula (OWASP CSV injection guidance). */
export const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Escapes text for XML (a carriage return as a character reference), with characters XML cannot carry (and a literal `_xHHHH_`) in Excel's `_xHHHH_` form. */
export function xmlText(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- finding control characters is the point: XML 1.0 cannot carry them
    /[&<>"\r]|_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (match) => {
      switch (match) {
        case '&':
          return '&amp;';
        case '<':
          return '&lt;';
        case '>':
          return '&gt;';
        case '"':
          return '&quot;';
        case '\r':
          // A literal carriage return would reach the reader as a line feed (XML normalises line ends).
          return '&#13;';
        default:
          if (match.startsWith('_x')) return `_x005F_${match.slice(1)}`;
          return `_x${match.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
      }
    },
  );
}

/** Undoes Excel's `_xHHHH_` escapes in text read from a workbook. */
export function unescapeExcel(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

function isoToSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** Style indexes of styles.xml below. */
const STYLE = {
  plain: 0,
  header: 1,
  wrap: 2,
  date: 3,
  quoted: 4,
  money: 5,
  title: 6,
  percent: 7,
  percent1: 8,
  percent2: 9,
} as const;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="d\\.m\\.yyyy"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts><fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><color rgb="FFFFFFFF"/><name val="Calibri"/></font><font><b/><sz val="14"/><name val="Calibri"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FF1F4E79"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="10"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function cellXml(reference: string, cell: OutCell, style?: number): string {
  if (cell === undefined || cell === '') return '';
  if (typeof cell === 'number')
    return `<c r="${reference}"${style === undefined ? '' : ` s="${style}"`}><v>${Number.isFinite(cell) ? cell : 0}</v></c>`;
  if (typeof cell === 'boolean') return `<c r="${reference}" t="b"><v>${cell ? 1 : 0}</v></c>`;
  if (typeof cell === 'object') {
    if ('euros' in cell) return cellXml(reference, cell.euros, STYLE.money);
    if ('percent' in cell) {
      // The style shows as many decimals as the share has, so that 12,5 % is not shown as 13 %.
      const decimals = Number.isInteger(cell.percent) ? 0 : Number.isInteger(cell.percent * 10) ? 1 : 2;
      const style = decimals === 0 ? STYLE.percent : decimals === 1 ? STYLE.percent1 : STYLE.percent2;
      return cellXml(reference, cell.percent / 100, style);
    }
    return `<c r="${reference}" s="${STYLE.date}"><v>${isoToSerial(cell.date)}</v></c>`;
  }
  const quoted = FORMULA_TRIGGERS.has(cell.charAt(0));
  const s = style ?? (quoted ? STYLE.quoted : undefined);
  return `<c r="${reference}"${s === undefined ? '' : ` s="${s}"`} t="inlineStr"><is><t xml:space="preserve">${xmlText(cell)}</t></is></c>`;
}

function displayLength(cell: OutCell): number {
  if (cell === undefined) return 0;
  if (typeof cell === 'object')
    return 'date' in cell ? 10 : 'euros' in cell ? String(cell.euros).length + 4 : String(cell.percent).length + 2;
  const text = String(cell);
  let longest = 0;
  for (const line of text.split('\n')) longest = Math.max(longest, line.length);
  return longest;
}

function sheetXml(sheet: OutSheet): string {
  const table = sheet.header.length > 0;
  // A loop, not Math.max(...rows): spreading 300,000 rows into arguments overflows the stack.
  let columnCount = Math.max(sheet.header.length, 1);
  for (const row of sheet.rows) if (row.length > columnCount) columnCount = row.length;
  const widths: number[] = [];
  for (let c = 0; c < columnCount; c++) {
    let width = table ? displayLength(sheet.header[c]) + 4 : 10;
    for (const row of sheet.rows) width = Math.max(width, displayLength(row[c]) + 2);
    widths.push(Math.min(table ? 60 : 120, Math.max(8, width)));
  }
  const parts: string[] = [];
  parts.push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`);
  if (table) {
    parts.push(
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>',
    );
  } else parts.push('<sheetViews><sheetView workbookViewId="0"/></sheetViews>');
  parts.push('<sheetFormatPr defaultRowHeight="15"/>');
  parts.push(
    `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`,
  );
  parts.push('<sheetData>');
  let rowNumber = 0;
  if (table) {
    rowNumber++;
    parts.push(
      `<row r="1">${sheet.header.map((header, c) => cellXml(`${columnLetters(c)}1`, header, STYLE.header)).join('')}</row>`,
    );
  }
  for (const row of sheet.rows) {
    rowNumber++;
    let cells = '';
    row.forEach((cell, c) => {
      const style = !table
        ? c === 0 && typeof cell === 'string' && rowNumber === 1
          ? STYLE.title
          : typeof cell === 'string'
            ? STYLE.wrap
            : undefined
        : undefined;
      cells += cellXml(
        `${columnLetters(c)}${rowNumber}`,
        cell,
        style !== undefined && typeof cell === 'string' && FORMULA_TRIGGERS.has(cell.charAt(0)) ? STYLE.quoted : style,
      );
    });
    parts.push(`<row r="${rowNumber}">${cells}</row>`);
  }
  parts.push('</sheetData>');
  const lists = (sheet.lists ?? []).filter(
    (list) => list.values.join(',').length <= 250 && list.values.every((v) => !v.includes(',') && !v.includes('"')),
  );
  if (lists.length > 0) {
    // A bounded range rather than the whole column: some readers (exceljs) expand a range into one entry per cell.
    const validationRows = Math.max(1000, sheet.rows.length + 1000);
    parts.push(`<dataValidations count="${lists.length}">`);
    for (const list of lists) {
      const letter = columnLetters(list.column);
      parts.push(
        `<dataValidation type="list" errorStyle="warning" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="${letter}2:${letter}${validationRows}"><formula1>"${xmlText(list.values.join(','))}"</formula1></dataValidation>`,
      );
    }
    parts.push('</dataValidations>');
  }
  parts.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
  return parts.join('');
}

/** The XLSX bytes of the sheets. */
export function writeXlsx(sheets: readonly OutSheet[]): Uint8Array {
  const overrides = sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  return writeZip([
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${overrides}</Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets.map((sheet, i) => `<sheet name="${xmlText(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    },
    { name: 'xl/styles.xml', data: STYLES },
    ...sheets.map((sheet, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: sheetXml(sheet) })),
  ]);
}
