/**
 * `writeInventory` and `writeTemplate`: a model as a workbook in the layout `readInventory` reads (one sheet per
 * entity kind), and the empty collection template with instructions in Finnish, Swedish and English.
 */
import { z } from 'zod';
import type { Model } from '../model/model.js';
import type { KarttaDocument, Name, Relation } from '../types.js';
import { FIELDS, type FieldSpec, type Language, SHEET_NAMES, type SheetKind } from './fields.js';
import { optionsSchema as optionsSchemaOf, parseOptions } from '../options.js';
import { choices, wordFor } from './values.js';
import { type OutCell, type OutSheet, writeXlsx } from './xlsx-write.js';

/**
 * Options of {@link writeInventory} and {@link writeTemplate}.
 *
 * @category Spreadsheets
 * @example
 * ```ts
 * import type { WriteInventoryOptions } from 'kartta/spreadsheet';
 * const options: WriteInventoryOptions = { language: 'sv' };
 * ```
 */
export interface WriteInventoryOptions {
  /** The language of sheet names, headers and enumerated words (default `fi`). Any of them reads back the same. */
  readonly language?: 'fi' | 'sv' | 'en';
}

const optionsSchema = optionsSchemaOf({
  language: z.enum(['fi', 'sv', 'en'], { error: "must be 'fi', 'sv' or 'en'" }).optional(),
});

type Values = Map<string, OutCell>;

/** Relations written as a column of their entity: no details, and ids a list cell can hold. */
function plain(relation: Relation): boolean {
  if (relation.description !== undefined || relation.x !== undefined) return false;
  if (relation.type === 'uses' && relation.users !== undefined) return false;
  return !/[,;\n\r]/.test(relation.from) && !/[,;\n\r]/.test(relation.to);
}

/** Several values in one cell: `; `-separated, or a JSON array when a value would not survive splitting. */
function listCell(items: readonly string[]): OutCell {
  if (items.length === 0) return undefined;
  if (
    items.every((item) => item.trim() === item && item !== '' && !/[,;\n\r]/.test(item)) &&
    !(items[0] as string).startsWith('[')
  )
    return items.join('; ');
  return JSON.stringify(items);
}

function nameColumns(names: readonly (Name | undefined)[]): string[] {
  const languages = new Set<string>();
  for (const name of names)
    if (name !== undefined && typeof name !== 'string')
      for (const language of Object.keys(name)) languages.add(language);
  return [...languages].sort();
}

/** Header of a field in a language. */
function headerOf(field: FieldSpec, language: Language): string {
  return field[language][0] as string;
}

/** Builds one sheet from rows of field values; name-language columns follow the name column. */
function sheetOf(
  kind: SheetKind,
  language: Language,
  rows: readonly { values: Values; name?: Name | undefined }[],
  skip: ReadonlySet<string> = new Set(),
): OutSheet {
  const fields = (FIELDS.get(kind) ?? []).filter((field) => !skip.has(field.key));
  const languages = nameColumns(rows.map((row) => row.name));
  const header: string[] = [];
  const getters: ((row: { values: Values; name?: Name | undefined }) => OutCell)[] = [];
  const lists: { column: number; values: string[] }[] = [];
  for (const field of fields) {
    header.push(headerOf(field, language));
    getters.push((row) =>
      field.key === 'name' && row.name !== undefined
        ? typeof row.name === 'string'
          ? row.name
          : undefined
        : row.values.get(field.key),
    );
    const words = choices(field.type, language);
    if (words.length > 0 && field.type !== 'relationType') lists.push({ column: header.length - 1, values: words });
    if (field.type === 'relationType')
      lists.push({ column: header.length - 1, values: choices('relationType', language) });
    if (field.key === 'name') {
      for (const lang of languages) {
        header.push(`${headerOf(field, language)} (${lang})`);
        getters.push((row) => (row.name !== undefined && typeof row.name !== 'string' ? row.name[lang] : undefined));
      }
    }
  }
  const names = SHEET_NAMES.get(kind) as { fi: string; sv: string; en: string };
  return { name: names[language], header, rows: rows.map((row) => getters.map((get) => get(row))), lists };
}

function json(value: unknown): OutCell {
  return value === undefined ? undefined : JSON.stringify(value);
}

/** The sheets of a model, in the layout readInventory reads. */
export function inventorySheets(model: Model, language: Language): OutSheet[] {
  const doc = model.toJSON();
  const columnRelations = new Map<string, Map<string, string[]>>();
  const rest: Relation[] = [];
  const put = (entity: string, field: string, other: string): void => {
    const fields = columnRelations.get(entity) ?? new Map<string, string[]>();
    fields.set(field, [...(fields.get(field) ?? []), other]);
    columnRelations.set(entity, fields);
  };
  for (const relation of doc.relations) {
    if (!plain(relation)) {
      rest.push(relation);
      continue;
    }
    switch (relation.type) {
      case 'memberOf':
        put(relation.from, 'memberOf', relation.to);
        break;
      case 'provides':
        put(relation.from, 'provides', relation.to);
        break;
      case 'owns':
        put(relation.to, 'owner', relation.from);
        break;
      case 'uses':
        put(relation.to, 'usedBy', relation.from);
        break;
      case 'supports':
        put(relation.from, 'services', relation.to);
        break;
      case 'dependsOn':
        put(relation.from, 'dependsOn', relation.to);
        break;
      default:
        rest.push(relation);
    }
  }
  const related = (id: string, field: string): OutCell => listCell(columnRelations.get(id)?.get(field) ?? []);
  const word = (type: Parameters<typeof wordFor>[0], value: string | undefined): OutCell =>
    value === undefined ? undefined : wordFor(type, value, language);
  const yes = (value: boolean | undefined): OutCell =>
    value === undefined ? undefined : wordFor('boolean', String(value), language);

  const vendorOf = (id: string): OutCell => {
    const product = model.productOf(id);
    return product?.catalogue === true ? model.product(product.key)?.vendor : undefined;
  };
  const sheets: OutSheet[] = [];
  sheets.push(
    sheetOf('model', language, [
      {
        name: doc.name,
        values: new Map<string, OutCell>([
          ['description', doc.description],
          ['clustering', yes(false)],
          ['x', json(doc.x)],
        ]),
      },
    ]),
  );
  sheets.push(
    sheetOf(
      'organisations',
      language,
      doc.organisations.map((o) => ({
        name: o.name,
        values: new Map<string, OutCell>([
          ['id', o.id],
          ['kind', word('kind', o.kind)],
          ['businessId', o.businessId],
          ['municipalityCode', o.municipalityCode],
          ['memberOf', related(o.id, 'memberOf')],
          ['provides', related(o.id, 'provides')],
          ['description', o.description],
          ['x', json(o.x)],
        ]),
      })),
    ),
  );
  sheets.push(
    sheetOf(
      'services',
      language,
      doc.services.map((s) => ({
        name: s.name,
        values: new Map<string, OutCell>([
          ['id', s.id],
          ['domain', s.domain],
          ['code', s.code],
          ['description', s.description],
          ['x', json(s.x)],
        ]),
      })),
    ),
  );
  sheets.push(
    sheetOf(
      'products',
      language,
      doc.products.map((p) => ({
        name: p.name,
        values: new Map<string, OutCell>([
          ['id', p.id],
          ['vendor', p.vendor],
          ['aliases', listCell(p.aliases ?? [])],
          ['description', p.description],
          ['x', json(p.x)],
        ]),
      })),
    ),
  );
  sheets.push(
    sheetOf(
      'systems',
      language,
      doc.systems.map((s) => ({
        name: s.name,
        values: new Map<string, OutCell>([
          ['id', s.id],
          ['owner', related(s.id, 'owner')],
          ['services', related(s.id, 'services')],
          ['class', s.class],
          ['product', s.product],
          ['vendor', vendorOf(s.id)],
          ['version', s.version],
          ['lifecycle', word('lifecycle', s.lifecycle)],
          ['criticality', word('criticality', s.criticality)],
          ['users', s.users],
          ['usedBy', related(s.id, 'usedBy')],
          ['platform', yes(s.platform)],
          ['hosting', s.hosting],
          ['contractEnds', s.contract?.ends === undefined ? undefined : { date: s.contract.ends }],
          ['noticeMonths', s.contract?.noticeMonths],
          ['annualCost', s.contract?.annualCost],
          ['dependsOn', related(s.id, 'dependsOn')],
          ['description', s.description],
          ['x', json(s.x)],
        ]),
      })),
    ),
  );
  sheets.push(
    sheetOf(
      'integrations',
      language,
      doc.integrations.map((i) => ({
        values: new Map<string, OutCell>([
          ['id', i.id],
          ['source', i.source],
          ['target', i.target],
          ['data', i.data],
          ['direction', word('direction', i.direction)],
          ['protocol', i.protocol],
          ['mode', word('mode', i.mode)],
          ['via', i.via],
          ['criticality', word('criticality', i.criticality)],
          ['description', i.description],
          ['x', json(i.x)],
        ]),
      })),
    ),
  );
  sheets.push(
    sheetOf(
      'relations',
      language,
      rest.map((r) => ({
        values: new Map<string, OutCell>([
          ['type', r.type],
          ['from', r.from],
          ['to', r.to],
          ['users', r.type === 'uses' ? r.users : undefined],
          ['description', r.description],
          ['x', json(r.x)],
        ]),
      })),
    ),
  );
  for (const sheet of portfolioSheets(doc, language)) sheets.push(sheet);
  return sheets;
}

/** A list of ids in one cell, or nothing for an absent list. */
function idsCell(items: readonly string[] | undefined): OutCell {
  return items === undefined ? undefined : listCell(items);
}

function euros(amount: number | undefined): OutCell {
  return amount === undefined ? undefined : { euros: amount };
}

/**
 * The portfolio's sheets: Themes, Funders, Offerings and Projects one element a row, and a project's budget lines
 * and funders one a row on the Budget and Funding sheets, each naming its project by id.
 */
function portfolioSheets(doc: KarttaDocument, language: Language): OutSheet[] {
  const word = (type: Parameters<typeof wordFor>[0], value: string | undefined): OutCell =>
    value === undefined ? undefined : wordFor(type, value, language);
  const named = (items: readonly { id: string; name: Name; description?: string | undefined; x?: unknown }[]) =>
    items.map((item) => ({
      name: item.name,
      values: new Map<string, OutCell>([
        ['id', item.id],
        ['description', item.description],
        ['x', json(item.x)],
      ]),
    }));
  const projects = doc.projects ?? [];
  return [
    sheetOf('themes', language, named(doc.themes ?? [])),
    sheetOf('funders', language, named(doc.funders ?? [])),
    sheetOf(
      'offerings',
      language,
      (doc.offerings ?? []).map((o) => ({
        name: o.name,
        values: new Map<string, OutCell>([
          ['id', o.id],
          ['provider', o.provider],
          ['services', listCell(o.services)],
          ['themes', idsCell(o.themes)],
          ['available', o.available === undefined ? undefined : { date: o.available }],
          ['obligationFrom', o.obligation === undefined ? undefined : { date: o.obligation.from }],
          ['obligationBasis', o.obligation?.basis],
          ['obligationDescription', o.obligation?.description],
          ['description', o.description],
          ['x', json(o.x)],
        ]),
      })),
    ),
    sheetOf(
      'projects',
      language,
      projects.map((p) => ({
        name: p.name,
        values: new Map<string, OutCell>([
          ['id', p.id],
          ['portfolio', p.portfolio],
          ['kind', word('projectKind', p.kind)],
          ['status', word('projectStatus', p.status)],
          ['level', word('projectLevel', p.level)],
          ['start', { date: p.start }],
          ['end', p.end === undefined ? undefined : { date: p.end }],
          ['budgetTotal', euros(p.budget?.total)],
          ['implementers', idsCell(p.implementers)],
          ['themes', idsCell(p.themes)],
          ['deliversSystems', idsCell(p.deliverables?.systems)],
          ['deliversServices', idsCell(p.deliverables?.services)],
          ['deliversIntegrations', idsCell(p.deliverables?.integrations)],
          ['deliversProducts', idsCell(p.deliverables?.products)],
          ['migrationSteps', idsCell(p.deliverables?.migrationSteps)],
          ['source', p.source],
          ['description', p.description],
          ['x', json(p.x)],
        ]),
      })),
    ),
    sheetOf(
      'budget',
      language,
      projects.flatMap((p) =>
        (p.budget?.lines ?? []).map((line) => ({
          values: new Map<string, OutCell>([
            ['project', p.id],
            ['year', line.year],
            ['category', line.category],
            ['amount', euros(line.amount)],
            ['description', line.description],
          ]),
        })),
      ),
    ),
    sheetOf(
      'funding',
      language,
      projects.flatMap((p) =>
        (p.funding ?? []).map((part) => ({
          values: new Map<string, OutCell>([
            ['project', p.id],
            ['funder', part.funder],
            ['share', part.share === undefined ? undefined : { percent: part.share }],
            ['amount', euros(part.amount)],
            ['description', part.description],
          ]),
        })),
      ),
    ),
  ];
}

/**
 * Writes a model as an XLSX workbook in the layout {@link readInventory} reads: Model, Organisations, Services,
 * Products, Systems, Integrations and Relations sheets, and the development portfolio's Themes, Funders,
 * Offerings, Projects, Budget and Funding sheets (amounts as euro cells, shares as percentage cells), header rows
 * styled and frozen, drop-down lists on enumerated columns, fitted widths. Reading it back gives the same document
 * (`readInventory([{ file, data: writeInventory(model) }]).model.toJSON()` equals `model.toJSON()`). The same model
 * always gives the same bytes.
 *
 * @category Spreadsheets
 * @example
 * ```ts
 * import { readFileSync, writeFileSync } from 'node:fs';
 * import { Model } from 'kartta';
 * import { writeInventory } from 'kartta/spreadsheet';
 * const model = Model.load(readFileSync('examples/pohjois-pohjanmaa.json', 'utf8'));
 * writeFileSync('inventory.xlsx', writeInventory(model));
 * ```
 */
export function writeInventory(model: Model, options: WriteInventoryOptions = {}): Uint8Array {
  const { language = 'fi' } = parseOptions('writeInventory', optionsSchema, options);
  return writeXlsx(inventorySheets(model, language));
}

const INSTRUCTIONS: readonly (readonly string[])[] = [
  ['Kartta – järjestelmäinventaarion pohja / Mall för systeminventering / System inventory template'],
  [],
  ['Suomeksi'],
  [
    'Täytä yksi rivi jokaisesta tietojärjestelmästä Järjestelmät-välilehdelle ja yksi rivi jokaisesta integraatiosta Integraatiot-välilehdelle. Pakolliset sarakkeet: Järjestelmä, Luokka (TORI/TOSI) ja Elinkaaren vaihe; integraatioista Lähdejärjestelmä ja Kohdejärjestelmä.',
  ],
  [
    'Omistaja ja Palvelut viittaavat Organisaatiot- ja Palvelut-välilehtien nimiin tai tunnuksiin. Useita arvoja voi erottaa pilkulla, puolipisteellä tai rivinvaihdolla.',
  ],
  [
    'Päivämäärät muodossa 31.12.2025, rahasummat euroina (12 500,00 €), irtisanomisaika kuukausina (6 kk). Valintalistojen sarakkeet hyväksyvät myös ruotsin- ja englanninkieliset sanat.',
  ],
  [
    'Jätä Tunnus tyhjäksi: Kartta muodostaa sen organisaatiosta ja järjestelmän nimestä. Älä kirjoita kaavoja: Kartta ei laske niitä.',
  ],
  [
    'Kehittämishankkeet: yksi rivi hanketta kohden Hankkeet-välilehdelle (pakolliset Hanke, Tila ja Alkaa), budjettirivit Budjetti-välilehdelle ja rahoittajat Rahoitus-välilehdelle; kumpikin nimeää hankkeensa nimellä tai tunnuksella. Summat euroina enintään kahdella desimaalilla (4 032,50 €). Rahoitusosuus prosentteina: 70, 70 % tai prosenttimuotoiltu solu; anna rahoittajalle osuus tai summa, ei molempia. Osuuksien summa on 100 %.',
  ],
  [],
  ['På svenska'],
  [
    'Fyll i en rad för varje informationssystem på fliken System och en rad för varje integration på fliken Integrationer. Obligatoriska kolumner: System, Klass (TORI/TOSI) och Livscykelfas; för integrationer Källsystem och Målsystem.',
  ],
  [
    'Ägare och Tjänster hänvisar till namn eller id på flikarna Organisationer och Tjänster. Flera värden skiljs åt med komma, semikolon eller radbrytning.',
  ],
  [
    'Datum som 31.12.2025, belopp i euro (12 500,00 €), uppsägningstid i månader (6 mån). Kolumner med vallistor godtar också finska och engelska ord.',
  ],
  [
    'Lämna Id tomt: Kartta bildar det av organisationen och systemets namn. Skriv inga formler: Kartta räknar inte ut dem.',
  ],
  [
    'Utvecklingsprojekt: en rad per projekt på fliken Projekt (obligatoriska Projekt, Status och Börjar), budgetrader på fliken Budget och finansiärer på fliken Finansiering; båda anger sitt projekt med namn eller id. Belopp i euro med högst två decimaler (4 032,50 €). Finansieringsandel i procent: 70, 70 % eller en procentformaterad cell; ge en finansiär en andel eller ett belopp, inte båda. Andelarna blir tillsammans 100 %.',
  ],
  [],
  ['In English'],
  [
    'Fill in one row per information system on the Systems sheet and one row per integration on the Integrations sheet. Required columns: System, Class (TORI/TOSI) and Lifecycle; for integrations Source system and Target system.',
  ],
  [
    'Owner and Services refer to names or ids on the Organisations and Services sheets. Separate several values with a comma, a semicolon or a line break.',
  ],
  [
    'Dates as 31.12.2025 or 2025-12-31, amounts in euros (12 500,00 €), notice periods in months (6). Columns with drop-down lists also accept Finnish and Swedish words.',
  ],
  [
    'Leave Id empty: Kartta derives it from the organisation and the system name. Do not enter formulas: Kartta never evaluates them.',
  ],
  [
    'Development projects: one row per project on the Projects sheet (required Project, Status and Start), budget lines on the Budget sheet and funders on the Funding sheet, each naming its project by name or id. Amounts in euros with at most two decimals (4032.50). Funding shares in percent: 70, 70 % or a cell formatted as a percentage; give a funder a share or an amount, not both. The shares add up to 100 %.',
  ],
];

/**
 * Writes the empty collection template: an instructions sheet in Finnish, Swedish and English, and the sheets of
 * the inventory and of the development portfolio (Themes, Funders, Offerings, Projects, Budget, Funding) with their
 * headers (in the chosen language), frozen and styled, with drop-down lists.
 *
 * @category Spreadsheets
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { writeTemplate } from 'kartta/spreadsheet';
 * writeFileSync('pohja.xlsx', writeTemplate({ language: 'fi' }));
 * ```
 */
export function writeTemplate(options: WriteInventoryOptions = {}): Uint8Array {
  const { language = 'fi' } = parseOptions('writeTemplate', optionsSchema, options);
  const instructions: OutSheet = {
    name: language === 'fi' ? 'Ohjeet' : language === 'sv' ? 'Anvisningar' : 'Instructions',
    header: [],
    rows: INSTRUCTIONS,
  };
  const kinds: SheetKind[] = [
    'organisations',
    'services',
    'systems',
    'integrations',
    'themes',
    'funders',
    'offerings',
    'projects',
    'budget',
    'funding',
  ];
  const skip = new Set(['x']);
  return writeXlsx([instructions, ...kinds.map((kind) => sheetOf(kind, language, [], skip))]);
}
