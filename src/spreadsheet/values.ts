/**
 * Reading values as people type them: Finnish and ISO dates and Excel date serials, numbers with space or dot
 * thousands and comma decimals and a euro sign, yes/no words in three languages, and the enumerated words of
 * the model (lifecycle, criticality, class, direction, mode, organisation kind) in Finnish, Swedish and English.
 */
import { isIsoDate } from '../schema/primitives.js';
import { MAX_EUROS, hasAtMostTwoDecimals } from '../schema/portfolio.js';
import { relationTypes } from '../schema/document.js';
import type { RawValue } from './table.js';
import type { ValueType } from './fields.js';
import { fold, suggest } from './words.js';

/** A value read, or what was expected and a likely intended value. */
export type ValueResult = { ok: true; value: unknown } | { ok: false; expected: string; suggestion?: string };

/** Words of one enumerated value: what the model stores, then the words people write in fi, sv and en (the first of each is written). */
type Words = readonly (readonly [
  string,
  { readonly fi: readonly string[]; readonly sv: readonly string[]; readonly en: readonly string[] },
])[];

const LIFECYCLE: Words = [
  ['planned', { fi: ['Suunniteltu', 'suunnitteilla', 'suunnitelma'], sv: ['Planerad'], en: ['Planned', 'plan'] }],
  [
    'development',
    {
      fi: ['Kehityksessä', 'kehitys', 'käyttöönotossa', 'käyttöönotto'],
      sv: ['Under utveckling', 'utveckling'],
      en: ['Development', 'in development', 'implementation'],
    },
  ],
  [
    'production',
    {
      fi: ['Tuotannossa', 'tuotanto', 'käytössä'],
      sv: ['I produktion', 'produktion', 'i bruk'],
      en: ['Production', 'in production', 'in use', 'live'],
    },
  ],
  [
    'phasingOut',
    {
      fi: ['Poistumassa', 'poistuva', 'alasajossa', 'alasajo'],
      sv: ['Avvecklas', 'under avveckling', 'utfasning'],
      en: ['Phasing out', 'being retired', 'sunset'],
    },
  ],
  [
    'retired',
    {
      fi: ['Poistettu', 'poistunut', 'käytöstä poistettu', 'ei käytössä'],
      sv: ['Avvecklad', 'pensionerad'],
      en: ['Retired', 'decommissioned'],
    },
  ],
];
const CRITICALITY: Words = [
  ['low', { fi: ['Matala', 'alhainen', 'vähäinen'], sv: ['Låg'], en: ['Low'] }],
  ['medium', { fi: ['Keskitaso', 'kohtalainen', 'keskisuuri'], sv: ['Medel'], en: ['Medium', 'moderate'] }],
  ['high', { fi: ['Korkea', 'suuri'], sv: ['Hög'], en: ['High'] }],
  ['critical', { fi: ['Kriittinen', 'erittäin kriittinen'], sv: ['Kritisk'], en: ['Critical'] }],
];
const CLASS: Words = [
  [
    'TORI',
    { fi: ['TORI', 'toimialariippumaton'], sv: ['TORI', 'sektoroberoende'], en: ['TORI', 'domain-independent'] },
  ],
  [
    'TOSI',
    {
      fi: ['TOSI', 'toimialasidonnainen', 'toimialakohtainen'],
      sv: ['TOSI', 'sektorspecifik'],
      en: ['TOSI', 'domain-specific'],
    },
  ],
];
const DIRECTION: Words = [
  ['oneWay', { fi: ['Yksisuuntainen', 'yksi', '->', '→'], sv: ['Enkelriktad', 'envägs'], en: ['One-way', 'oneway'] }],
  [
    'twoWay',
    {
      fi: ['Kaksisuuntainen', 'molemmat', '<->', '↔'],
      sv: ['Dubbelriktad', 'tvåvägs'],
      en: ['Two-way', 'twoway', 'bidirectional'],
    },
  ],
];
const MODE: Words = [
  ['realtime', { fi: ['Reaaliaikainen', 'reaaliaika', 'online'], sv: ['Realtid'], en: ['Real-time', 'realtime'] }],
  [
    'batch',
    { fi: ['Eräajo', 'erä', 'ajastettu'], sv: ['Batch', 'batchvis', 'batchkörning'], en: ['Batch', 'scheduled'] },
  ],
  ['manual', { fi: ['Manuaalinen', 'käsin'], sv: ['Manuell'], en: ['Manual'] }],
];
const KIND: Words = [
  [
    'region',
    {
      fi: ['Hyvinvointialue', 'maakunta'],
      sv: ['Välfärdsområde', 'landskap'],
      en: ['Region', 'wellbeing services county'],
    },
  ],
  ['municipality', { fi: ['Kunta', 'kaupunki'], sv: ['Kommun', 'stad'], en: ['Municipality', 'city', 'town'] }],
  ['jointAuthority', { fi: ['Kuntayhtymä'], sv: ['Samkommun'], en: ['Joint authority', 'joint municipal authority'] }],
  ['hospitalDistrict', { fi: ['Sairaanhoitopiiri', 'shp'], sv: ['Sjukvårdsdistrikt'], en: ['Hospital district'] }],
  ['regionalCouncil', { fi: ['Maakuntaliitto'], sv: ['Landskapsförbund'], en: ['Regional council'] }],
  [
    'stateAgency',
    { fi: ['Valtion virasto', 'virasto'], sv: ['Statlig myndighet', 'myndighet'], en: ['State agency', 'agency'] },
  ],
  ['company', { fi: ['Yhtiö', 'yritys', 'osakeyhtiö', 'oy'], sv: ['Bolag', 'företag', 'ab'], en: ['Company'] }],
  ['other', { fi: ['Muu'], sv: ['Annan', 'övrig'], en: ['Other'] }],
];
const PROJECT_KIND: Words = [
  ['preparation', { fi: ['Valmistelu'], sv: ['Beredning'], en: ['Preparation'] }],
  ['study', { fi: ['Selvitys', 'esiselvitys', 'tutkimus'], sv: ['Utredning', 'förstudie'], en: ['Study', 'survey'] }],
  ['development', { fi: ['Kehittäminen', 'kehitys'], sv: ['Utveckling'], en: ['Development'] }],
  ['procurement', { fi: ['Hankinta', 'kilpailutus'], sv: ['Upphandling'], en: ['Procurement', 'tendering'] }],
  ['deployment', { fi: ['Käyttöönotto'], sv: ['Införande', 'driftsättning'], en: ['Deployment', 'rollout'] }],
  ['migration', { fi: ['Siirtymä', 'migraatio', 'siirto'], sv: ['Migrering', 'migration'], en: ['Migration'] }],
  ['other', { fi: ['Muu'], sv: ['Annan', 'övrig'], en: ['Other'] }],
];
const PROJECT_STATUS: Words = [
  ['proposed', { fi: ['Ehdotettu', 'ehdotus'], sv: ['Föreslagen', 'förslag'], en: ['Proposed', 'proposal'] }],
  ['planned', { fi: ['Suunniteltu', 'suunnitteilla'], sv: ['Planerad'], en: ['Planned'] }],
  [
    'running',
    {
      fi: ['Käynnissä', 'käynnissä oleva', 'meneillään'],
      sv: ['Pågående', 'pågår'],
      en: ['Running', 'ongoing', 'in progress'],
    },
  ],
  [
    'completed',
    {
      fi: ['Päättynyt', 'valmis', 'valmistunut', 'päättyi'],
      sv: ['Avslutad', 'klar'],
      en: ['Completed', 'finished', 'done'],
    },
  ],
  [
    'cancelled',
    { fi: ['Peruttu', 'keskeytetty', 'keskeytynyt'], sv: ['Inställd', 'avbruten'], en: ['Cancelled', 'canceled'] },
  ],
];
const PROJECT_LEVEL: Words = [
  ['local', { fi: ['Paikallinen', 'organisaation oma'], sv: ['Lokal'], en: ['Local'] }],
  ['regional', { fi: ['Alueellinen', 'maakunnallinen', 'seudullinen'], sv: ['Regional'], en: ['Regional'] }],
  [
    'national',
    { fi: ['Kansallinen', 'valtakunnallinen'], sv: ['Nationell', 'riksomfattande'], en: ['National', 'nationwide'] },
  ],
];
const RELATION: Words = relationTypes.map((type) => [type, { fi: [type], sv: [type], en: [type] }] as const);
const BOOLEAN: Words = [
  ['true', { fi: ['Kyllä', 'k', 'x', 'tosi', '1'], sv: ['Ja', 'j'], en: ['Yes', 'y', 'true'] }],
  ['false', { fi: ['Ei', 'e', 'epätosi', '0', '-'], sv: ['Nej', 'n'], en: ['No', 'false'] }],
];

function spellingsOf(words: Words[number][1]): string[] {
  return [...words.fi, ...words.sv, ...words.en];
}

const ENUMS = new Map<ValueType, Words>([
  ['lifecycle', LIFECYCLE],
  ['criticality', CRITICALITY],
  ['class', CLASS],
  ['direction', DIRECTION],
  ['mode', MODE],
  ['kind', KIND],
  ['relationType', RELATION],
  ['boolean', BOOLEAN],
  ['projectKind', PROJECT_KIND],
  ['projectStatus', PROJECT_STATUS],
  ['projectLevel', PROJECT_LEVEL],
]);

function indexWords(words: Words): Map<string, string> {
  const index = new Map<string, string>();
  for (const [value, spellings] of words) {
    index.set(fold(value), value);
    for (const spelling of spellingsOf(spellings))
      index.set(spelling.length <= 3 && !/\p{L}/u.test(spelling) ? spelling : fold(spelling), value);
  }
  return index;
}
const INDEXES = new Map<ValueType, Map<string, string>>([...ENUMS].map(([type, words]) => [type, indexWords(words)]));

/** The word written for an enumerated value in a language (the first spelling of that value), e.g. `Tuotannossa`. */
export function wordFor(type: ValueType, value: string, language: 'fi' | 'sv' | 'en'): string {
  const words = ENUMS.get(type)?.find(([key]) => key === value)?.[1];
  return words?.[language][0] ?? value;
}

/** The values an enumerated column accepts, as a person would write them, for messages and validation lists. */
export function choices(type: ValueType, language: 'fi' | 'sv' | 'en' = 'fi'): string[] {
  return (ENUMS.get(type) ?? []).map(([value]) => wordFor(type, value, language));
}

function text(raw: RawValue): string {
  if (typeof raw === 'number') return Number.isInteger(raw) ? String(raw) : String(Number(raw.toPrecision(15)));
  return String(raw).trim();
}

function readEnum(type: ValueType, raw: RawValue): ValueResult {
  const index = INDEXES.get(type) as Map<string, string>;
  const typed = text(raw);
  const value = index.get(typed) ?? index.get(fold(typed));
  if (value !== undefined) return { ok: true, value: type === 'boolean' ? value === 'true' : value };
  const words = ENUMS.get(type) as Words;
  const spellings = words.flatMap(([, list]) => spellingsOf(list).filter((word) => /\p{L}/u.test(word)));
  const suggestion = suggest(typed, spellings);
  const expected = `one of ${words.map(([key]) => `${wordFor(type, key, 'fi')} (${key})`).join(', ')}`;
  const result: ValueResult = { ok: false, expected };
  if (suggestion !== undefined) {
    const canonical = index.get(fold(suggestion));
    const entry = words.find(([key]) => key === canonical)?.[1];
    const shown =
      (entry === undefined ? undefined : spellingsOf(entry).find((word) => fold(word) === fold(suggestion))) ??
      suggestion;
    result.suggestion = shown.charAt(0).toUpperCase() + shown.slice(1);
  }
  return result;
}

/** Days from 1899-12-30 (Excel's day 0 once its 1900 leap-year bug is allowed for) to an ISO date. */
function serialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return undefined;
  const days = Math.floor(serial);
  const date = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}

const DATE_EXPECTED = 'a date such as 31.12.2025 or 2025-12-31';

function readDate(raw: RawValue): ValueResult {
  if (typeof raw === 'number') {
    const iso = serialToIso(raw);
    return iso === undefined ? { ok: false, expected: DATE_EXPECTED } : { ok: true, value: iso };
  }
  const typed = text(raw);
  // A date cell saved as CSV by a program that did not format it: the bare Excel serial.
  if (/^\d{5}$/.test(typed)) return readDate(Number(typed));
  let iso: string | undefined;
  const finnish = /^(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{4})\.?$/.exec(typed);
  const isoMatch = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(typed);
  if (finnish)
    iso = `${finnish[3]}-${(finnish[2] as string).padStart(2, '0')}-${(finnish[1] as string).padStart(2, '0')}`;
  else if (isoMatch) iso = `${isoMatch[1]}-${isoMatch[2]}-${isoMatch[3]}`;
  if (iso !== undefined && isIsoDate(iso)) return { ok: true, value: iso };
  const short = /^(\d{1,2})\.(\d{1,2})\.(\d{2})$/.exec(typed);
  if (short) {
    const guess = `${short[1]}.${short[2]}.20${short[3]}`;
    return { ok: false, expected: `${DATE_EXPECTED}, with a four-digit year`, suggestion: guess };
  }
  return { ok: false, expected: iso === undefined ? DATE_EXPECTED : `${DATE_EXPECTED} that exists in the calendar` };
}

const APPROXIMATELY = /^(?:n\.|noin|ca\.?|cirka|approx\.?|about|~)\s*/i;
const CURRENCY = /\s*(?:€|eur|euroa|euro|e)(?:\s*\/\s*(?:v|vuosi|år|year|yr|a))?\.?$/i;

/** A number as people write it: `12 500,00`, `12.500`, `12500.5`, with a no-break space or a euro sign. */
function parseNumber(typed: string): number | undefined {
  let s = typed.replace(/[\s\u00a0\u202f']/g, '');
  if (s === '') return undefined;
  const negative = s.startsWith('-') || s.startsWith('−');
  if (negative) s = s.slice(1);
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replaceAll('.', '').replace(',', '.');
  else if (/^\d{1,3}(,\d{3}){2,}(\.\d+)?$/.test(s) || /^\d{1,3}(,\d{3})+\.\d+$/.test(s)) s = s.replaceAll(',', '');
  else if (/^\d+,\d+$/.test(s)) s = s.replace(',', '.');
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(s)) return undefined;
  const value = Number(s);
  return negative ? -value : value;
}

function readMoney(raw: RawValue): ValueResult {
  const expected = 'an amount in euros such as 12 500,00 € or 12500';
  if (typeof raw === 'number')
    return raw >= 0 && Number.isFinite(raw)
      ? { ok: true, value: raw }
      : { ok: false, expected: `${expected}, not negative` };
  const value = parseNumber(text(raw).replace(APPROXIMATELY, '').replace(CURRENCY, ''));
  if (value === undefined) return { ok: false, expected };
  if (value < 0) return { ok: false, expected: `${expected}, not negative` };
  return { ok: true, value };
}

/** A number as a spreadsheet shows it: 15 significant digits, so the noise of `0.1 + 0.2` in a cached formula value goes. */
function shown(value: number): number {
  return Number(value.toPrecision(15));
}

/** Written as a suggestion in the way Finnish cells are typed: `4 032,13`. */
function finnish(value: number, decimals: number): string {
  return value.toFixed(decimals).replace('.', ',');
}

const AMOUNT_EXPECTED = 'an amount in euros with at most two decimals, such as 4 032,50 € or 4032.5';

/** Euros of the portfolio: whole cents, at most a trillion (as the format requires), never rounded silently. */
function readAmount(raw: RawValue): ValueResult {
  const money = readMoney(raw);
  if (!money.ok) return { ok: false, expected: AMOUNT_EXPECTED };
  const value = shown(money.value as number);
  if (value > MAX_EUROS) return { ok: false, expected: `${AMOUNT_EXPECTED}, at most ${MAX_EUROS} €` };
  if (!hasAtMostTwoDecimals(value))
    return { ok: false, expected: AMOUNT_EXPECTED, suggestion: finnish(Math.round(value * 100) / 100, 2) };
  return { ok: true, value };
}

const PERCENT_EXPECTED =
  'a share in percent above 0 and at most 100, with at most two decimals, such as 70, 70 % or 12,5 %';

/**
 * A share in percent. A number in a cell formatted as a percentage is a fraction (Excel keeps 70 % as 0.7); any
 * other number, and text with or without `%`, is in percent: `70`, `70 %`, `12,5%` are 70 and 12.5.
 */
function readPercent(raw: RawValue, percentCell: boolean): ValueResult {
  let value: number | undefined;
  if (typeof raw === 'number') value = percentCell ? raw * 100 : raw;
  else if (typeof raw === 'string')
    value = parseNumber(raw.replace(APPROXIMATELY, '').replace(/\s*(?:%|prosenttia|procent|percent)$/i, ''));
  if (value === undefined || !Number.isFinite(value)) return { ok: false, expected: PERCENT_EXPECTED };
  value = shown(value);
  if (value <= 0 || value > 100) return { ok: false, expected: PERCENT_EXPECTED };
  if (!hasAtMostTwoDecimals(value)) {
    // 0.125 in a plain cell is most likely 12.5 % typed as a fraction, not a share of an eighth of a per cent.
    const fraction = typeof raw === 'number' && !percentCell && raw < 1 && hasAtMostTwoDecimals(shown(raw * 100));
    const meant = fraction ? shown(raw * 100) : Math.round(value * 100) / 100;
    return { ok: false, expected: PERCENT_EXPECTED, suggestion: `${String(meant).replace('.', ',')} %` };
  }
  return { ok: true, value };
}

function readYear(raw: RawValue): ValueResult {
  const expected = 'a year such as 2017';
  const value = typeof raw === 'number' ? raw : /^\d{4}$/.test(text(raw)) ? Number(text(raw)) : undefined;
  if (value === undefined || !Number.isInteger(value) || value < 1900 || value > 2200) {
    const date = readDate(raw);
    return date.ok ? { ok: false, expected, suggestion: (date.value as string).slice(0, 4) } : { ok: false, expected };
  }
  return { ok: true, value };
}

function readCount(raw: RawValue): ValueResult {
  const expected = 'a whole number such as 2 400';
  const value = typeof raw === 'number' ? raw : parseNumber(text(raw).replace(APPROXIMATELY, ''));
  if (value === undefined || !Number.isInteger(value) || value < 0) return { ok: false, expected };
  return { ok: true, value };
}

const MONTH_WORDS = /^(\d+(?:[.,]\d+)?)\s*(kk|kuukautta|kuukausi|kuuk\.?|mån(?:ad|ader)?\.?|months?|mo\.?|m)?$/i;
const YEAR_WORDS = /^(\d+)\s*(v|vuosi|vuotta|år|years?|yr)$/i;

function readMonths(raw: RawValue): ValueResult {
  const expected = 'a notice period in whole months such as 6 or 6 kk';
  if (typeof raw === 'number')
    return Number.isInteger(raw) && raw >= 0 ? { ok: true, value: raw } : { ok: false, expected };
  const typed = text(raw);
  const years = YEAR_WORDS.exec(typed);
  if (years) return { ok: true, value: Number(years[1]) * 12 };
  const months = MONTH_WORDS.exec(typed);
  if (months) {
    const value = Number((months[1] as string).replace(',', '.'));
    if (Number.isInteger(value)) return { ok: true, value };
  }
  return { ok: false, expected };
}

/**
 * Splits a cell holding several values, separated by `,`, `;` or line breaks and trimmed. A cell holding a JSON
 * array of strings (how Kartta writes values that hold a separator or surrounding spaces) is taken as it is.
 */
export function splitList(raw: RawValue): string[] {
  const typed = typeof raw === 'string' ? raw : text(raw);
  if (typed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(typed);
      if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')) return parsed;
    } catch {
      // not JSON: an ordinary list that happens to start with a bracket
    }
  }
  return typed
    .split(/[;,\n\r]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/**
 * Reads one raw cell as a column of the given type expects it; `percentCell` says that the workbook formats the
 * cell as a percentage (only shares read it).
 */
export function readValue(type: ValueType, raw: RawValue, percentCell = false): ValueResult {
  switch (type) {
    case 'amount':
      return readAmount(raw);
    case 'percent':
      return readPercent(raw, percentCell);
    case 'year':
      return readYear(raw);
    case 'text':
      // Free text is kept exactly as the cell holds it, so that a model written out reads back the same.
      return { ok: true, value: typeof raw === 'string' ? raw : text(raw) };
    case 'ref':
      return { ok: true, value: text(raw) };
    case 'id': {
      const value = text(raw);
      return /^[^\s\p{Cc}]{1,200}$/u.test(value)
        ? { ok: true, value }
        : { ok: false, expected: 'an id without spaces or control characters, at most 200 characters' };
    }
    case 'refs':
    case 'list':
      return { ok: true, value: splitList(raw) };
    case 'date':
      return readDate(raw);
    case 'money':
      return readMoney(raw);
    case 'count':
      return readCount(raw);
    case 'months':
      return readMonths(raw);
    case 'json': {
      try {
        const value: unknown = JSON.parse(text(raw));
        if (value !== null && typeof value === 'object' && !Array.isArray(value)) return { ok: true, value };
      } catch {
        // reported below
      }
      return { ok: false, expected: 'a JSON object such as {"tool": {"ref": 1}}' };
    }
    default:
      return readEnum(type, raw);
  }
}
