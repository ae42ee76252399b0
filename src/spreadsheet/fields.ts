/**
 * The dictionary of the inventory: the sheet kinds, their columns, what each column holds and the header words
 * that name it in Finnish, Swedish and English. The first word of each language is the one written in exported
 * workbooks and templates.
 */
import { fold } from './words.js';

/** The kinds of sheet an inventory may have. */
export type SheetKind = 'model' | 'organisations' | 'services' | 'products' | 'systems' | 'integrations' | 'relations';

/** How a column's value is read. */
export type ValueType =
  | 'text'
  | 'id'
  | 'ref'
  | 'refs'
  | 'list'
  | 'date'
  | 'money'
  | 'count'
  | 'months'
  | 'boolean'
  | 'json'
  | 'lifecycle'
  | 'criticality'
  | 'class'
  | 'direction'
  | 'mode'
  | 'kind'
  | 'relationType';

/** One column of a sheet kind. */
export interface FieldSpec {
  readonly key: string;
  readonly type: ValueType;
  /** Header words: Finnish, Swedish, English; the first of each is what is written. */
  readonly fi: readonly string[];
  readonly sv: readonly string[];
  readonly en: readonly string[];
  readonly required?: boolean;
  /** A short instruction for the template. */
  readonly help?: { readonly fi: string; readonly sv: string; readonly en: string };
}

/** A language of headers and instructions. */
export type Language = 'fi' | 'sv' | 'en';

const id: FieldSpec = {
  key: 'id',
  type: 'id',
  fi: ['Tunnus', 'Tunniste', 'Id'],
  sv: ['Id', 'Identifierare'],
  en: ['Id', 'Identifier'],
};
const description: FieldSpec = {
  key: 'description',
  type: 'text',
  fi: ['Kuvaus', 'Lisätiedot', 'Huomautukset'],
  sv: ['Beskrivning', 'Tilläggsuppgifter'],
  en: ['Description', 'Notes'],
};
const extension: FieldSpec = {
  key: 'x',
  type: 'json',
  fi: ['Lisäkentät (JSON)', 'x'],
  sv: ['Tilläggsfält (JSON)'],
  en: ['Extensions (JSON)'],
};
const criticality: FieldSpec = {
  key: 'criticality',
  type: 'criticality',
  fi: ['Kriittisyys'],
  sv: ['Kritikalitet', 'Kritiskhet'],
  en: ['Criticality'],
  help: {
    fi: 'matala / keskitaso / korkea / kriittinen',
    sv: 'låg / medel / hög / kritisk',
    en: 'low / medium / high / critical',
  },
};

/** The columns of each sheet kind, in the order they are written. */
export const FIELDS: ReadonlyMap<SheetKind, readonly FieldSpec[]> = new Map<SheetKind, readonly FieldSpec[]>([
  [
    'model',
    [
      {
        key: 'name',
        type: 'text',
        fi: ['Nimi', 'Mallin nimi', 'Alue'],
        sv: ['Namn', 'Modellens namn'],
        en: ['Name', 'Model name', 'Region'],
      },
      description,
      {
        key: 'clustering',
        type: 'boolean',
        fi: ['Yhdistä tuotteiden kirjoitusasut'],
        sv: ['Slå ihop produktstavningar'],
        en: ['Merge product spellings'],
        help: { fi: 'kyllä / ei', sv: 'ja / nej', en: 'yes / no' },
      },
      extension,
    ],
  ],
  [
    'organisations',
    [
      id,
      {
        key: 'name',
        type: 'text',
        required: true,
        fi: ['Nimi', 'Organisaatio', 'Organisaation nimi'],
        sv: ['Namn', 'Organisation'],
        en: ['Name', 'Organisation', 'Organization'],
      },
      {
        key: 'kind',
        type: 'kind',
        required: true,
        fi: ['Tyyppi', 'Organisaatiotyyppi', 'Laji'],
        sv: ['Typ', 'Organisationstyp'],
        en: ['Kind', 'Type', 'Organisation type'],
        help: {
          fi: 'kunta / kuntayhtymä / sairaanhoitopiiri / hyvinvointialue / maakuntaliitto / valtion virasto / yhtiö / muu',
          sv: 'kommun / samkommun / sjukvårdsdistrikt / välfärdsområde / landskapsförbund / statlig myndighet / bolag / annan',
          en: 'municipality / joint authority / hospital district / region / regional council / state agency / company / other',
        },
      },
      { key: 'businessId', type: 'text', fi: ['Y-tunnus'], sv: ['FO-nummer'], en: ['Business id', 'Business ID'] },
      {
        key: 'municipalityCode',
        type: 'text',
        fi: ['Kuntanumero', 'Kuntakoodi'],
        sv: ['Kommunnummer'],
        en: ['Municipality code'],
      },
      { key: 'memberOf', type: 'refs', fi: ['Jäsenenä', 'Jäsen'], sv: ['Medlem i'], en: ['Member of'] },
      {
        key: 'provides',
        type: 'refs',
        fi: ['Järjestää palvelut', 'Palvelut'],
        sv: ['Tillhandahåller tjänster', 'Tjänster'],
        en: ['Provides services', 'Services'],
      },
      description,
      extension,
    ],
  ],
  [
    'services',
    [
      id,
      {
        key: 'name',
        type: 'text',
        required: true,
        fi: ['Palvelu', 'Nimi', 'Palvelun nimi'],
        sv: ['Tjänst', 'Namn'],
        en: ['Service', 'Name'],
      },
      {
        key: 'domain',
        type: 'text',
        fi: ['Toimiala', 'Palvelualue', 'Sektori'],
        sv: ['Domän', 'Sektor', 'Verksamhetsområde'],
        en: ['Domain', 'Sector'],
      },
      {
        key: 'code',
        type: 'text',
        fi: ['Luokituskoodi', 'Koodi', 'JHS-koodi'],
        sv: ['Klassificeringskod', 'Kod'],
        en: ['Classification code', 'Code'],
      },
      description,
      extension,
    ],
  ],
  [
    'products',
    [
      id,
      {
        key: 'name',
        type: 'text',
        required: true,
        fi: ['Tuote', 'Nimi', 'Tuotteen nimi'],
        sv: ['Produkt', 'Namn'],
        en: ['Product', 'Name'],
      },
      {
        key: 'vendor',
        type: 'text',
        fi: ['Toimittaja', 'Valmistaja'],
        sv: ['Leverantör', 'Tillverkare'],
        en: ['Vendor', 'Supplier'],
      },
      {
        key: 'aliases',
        type: 'list',
        fi: ['Muut kirjoitusasut', 'Aliakset', 'Muut nimet'],
        sv: ['Andra stavningar', 'Alias'],
        en: ['Aliases', 'Other spellings'],
      },
      description,
      extension,
    ],
  ],
  [
    'systems',
    [
      id,
      {
        key: 'name',
        type: 'text',
        required: true,
        fi: ['Järjestelmä', 'Järjestelmän nimi', 'Tietojärjestelmä', 'Nimi'],
        sv: ['System', 'Systemets namn', 'Informationssystem', 'Namn'],
        en: ['System', 'System name', 'Name'],
      },
      {
        key: 'owner',
        type: 'refs',
        fi: ['Omistaja', 'Omistajaorganisaatio', 'Organisaatio'],
        sv: ['Ägare', 'Organisation'],
        en: ['Owner', 'Owner organisation', 'Organisation'],
      },
      {
        key: 'services',
        type: 'refs',
        fi: ['Palvelut', 'Palvelu', 'Tuetut palvelut'],
        sv: ['Tjänster', 'Tjänst'],
        en: ['Services', 'Service', 'Supported services'],
      },
      {
        key: 'class',
        type: 'class',
        required: true,
        fi: ['Luokka', 'TORI/TOSI', 'Järjestelmäluokka'],
        sv: ['Klass', 'Systemklass'],
        en: ['Class', 'System class'],
        help: {
          fi: 'TORI (toimialariippumaton) / TOSI (toimialasidonnainen)',
          sv: 'TORI (sektoroberoende) / TOSI (sektorspecifik)',
          en: 'TORI (domain-independent) / TOSI (domain-specific)',
        },
      },
      {
        key: 'product',
        type: 'text',
        fi: ['Tuote', 'Ohjelmisto'],
        sv: ['Produkt', 'Programvara'],
        en: ['Product', 'Software'],
      },
      {
        key: 'vendor',
        type: 'text',
        fi: ['Toimittaja', 'Valmistaja'],
        sv: ['Leverantör', 'Tillverkare'],
        en: ['Vendor', 'Supplier'],
      },
      { key: 'version', type: 'text', fi: ['Versio'], sv: ['Version'], en: ['Version'] },
      {
        key: 'lifecycle',
        type: 'lifecycle',
        required: true,
        fi: ['Elinkaaren vaihe', 'Elinkaari', 'Tila'],
        sv: ['Livscykelfas', 'Livscykel', 'Status'],
        en: ['Lifecycle', 'Lifecycle phase', 'Status'],
        help: {
          fi: 'suunniteltu / kehityksessä / tuotannossa / poistumassa / poistettu',
          sv: 'planerad / under utveckling / i produktion / avvecklas / avvecklad',
          en: 'planned / development / production / phasing out / retired',
        },
      },
      criticality,
      {
        key: 'users',
        type: 'count',
        fi: ['Käyttäjämäärä', 'Käyttäjiä', 'Käyttäjät'],
        sv: ['Antal användare', 'Användare'],
        en: ['Users', 'Number of users', 'User count'],
      },
      {
        key: 'usedBy',
        type: 'refs',
        fi: ['Käyttäjäorganisaatiot', 'Käyttävät organisaatiot'],
        sv: ['Användande organisationer'],
        en: ['Used by', 'User organisations'],
      },
      {
        key: 'platform',
        type: 'boolean',
        fi: ['Integraatioalusta', 'Alusta'],
        sv: ['Integrationsplattform', 'Plattform'],
        en: ['Integration platform', 'Platform'],
        help: { fi: 'kyllä / ei', sv: 'ja / nej', en: 'yes / no' },
      },
      {
        key: 'hosting',
        type: 'text',
        fi: ['Ylläpito', 'Palvelinympäristö', 'Hosting'],
        sv: ['Drift', 'Driftmiljö'],
        en: ['Hosting'],
      },
      {
        key: 'contractEnds',
        type: 'date',
        fi: ['Sopimus päättyy', 'Sopimuksen päättymispäivä', 'Sopimuksen loppu'],
        sv: ['Avtalet upphör', 'Avtal upphör', 'Avtalets slutdatum'],
        en: ['Contract ends', 'Contract end', 'Contract end date'],
        help: { fi: 'esim. 31.12.2025', sv: 't.ex. 31.12.2025', en: 'e.g. 2025-12-31' },
      },
      {
        key: 'noticeMonths',
        type: 'months',
        fi: ['Irtisanomisaika', 'Irtisanomisaika (kk)'],
        sv: ['Uppsägningstid', 'Uppsägningstid (mån)'],
        en: ['Notice period', 'Notice months'],
        help: { fi: 'kuukausina, esim. 6 kk', sv: 'i månader, t.ex. 6 mån', en: 'in months, e.g. 6' },
      },
      {
        key: 'annualCost',
        type: 'money',
        fi: ['Vuosikustannus', 'Vuosikustannus (€)', 'Vuosikustannukset'],
        sv: ['Årskostnad', 'Årskostnad (€)'],
        en: ['Annual cost', 'Annual cost (EUR)', 'Yearly cost'],
        help: {
          fi: 'euroa vuodessa, esim. 12 500,00 €',
          sv: 'euro per år, t.ex. 12 500,00 €',
          en: 'euros a year, e.g. 12500',
        },
      },
      {
        key: 'dependsOn',
        type: 'refs',
        fi: ['Riippuu järjestelmistä', 'Riippuvuudet'],
        sv: ['Beroende av'],
        en: ['Depends on'],
      },
      description,
      extension,
    ],
  ],
  [
    'integrations',
    [
      id,
      {
        key: 'source',
        type: 'ref',
        required: true,
        fi: ['Lähdejärjestelmä', 'Lähde'],
        sv: ['Källsystem', 'Källa'],
        en: ['Source system', 'Source', 'From'],
      },
      {
        key: 'target',
        type: 'ref',
        required: true,
        fi: ['Kohdejärjestelmä', 'Kohde'],
        sv: ['Målsystem', 'Mål'],
        en: ['Target system', 'Target', 'To'],
      },
      {
        key: 'data',
        type: 'text',
        fi: ['Siirrettävät tiedot', 'Tiedot'],
        sv: ['Överförda uppgifter', 'Uppgifter'],
        en: ['Transferred data', 'Data'],
      },
      {
        key: 'direction',
        type: 'direction',
        fi: ['Suunta'],
        sv: ['Riktning'],
        en: ['Direction'],
        help: { fi: 'yksisuuntainen / kaksisuuntainen', sv: 'enkelriktad / dubbelriktad', en: 'one-way / two-way' },
      },
      {
        key: 'protocol',
        type: 'text',
        fi: ['Protokolla', 'Rajapinta', 'Tekniikka'],
        sv: ['Protokoll', 'Gränssnitt'],
        en: ['Protocol', 'Interface'],
      },
      {
        key: 'mode',
        type: 'mode',
        fi: ['Siirtotapa', 'Reaaliaikaisuus'],
        sv: ['Överföringssätt'],
        en: ['Mode', 'Transfer mode'],
        help: {
          fi: 'reaaliaikainen / eräajo / manuaalinen',
          sv: 'realtid / batch / manuell',
          en: 'real-time / batch / manual',
        },
      },
      {
        key: 'via',
        type: 'ref',
        fi: ['Integraatioalusta', 'Alusta', 'Kautta'],
        sv: ['Integrationsplattform', 'Via'],
        en: ['Via platform', 'Via', 'Platform'],
      },
      criticality,
      description,
      extension,
    ],
  ],
  [
    'relations',
    [
      {
        key: 'type',
        type: 'relationType',
        required: true,
        fi: ['Suhde', 'Tyyppi'],
        sv: ['Relation', 'Typ'],
        en: ['Relation', 'Type'],
      },
      { key: 'from', type: 'ref', required: true, fi: ['Mistä'], sv: ['Från'], en: ['From'] },
      { key: 'to', type: 'ref', required: true, fi: ['Mihin'], sv: ['Till'], en: ['To'] },
      { key: 'users', type: 'count', fi: ['Käyttäjämäärä'], sv: ['Antal användare'], en: ['Users'] },
      description,
      extension,
    ],
  ],
]);

/** Sheet names that say what a sheet holds, in the three languages; the first of each is what is written. */
export const SHEET_NAMES: ReadonlyMap<SheetKind, { fi: string; sv: string; en: string; other: readonly string[] }> =
  new Map([
    ['model', { fi: 'Malli', sv: 'Modell', en: 'Model', other: ['Tiedot'] }],
    [
      'organisations',
      { fi: 'Organisaatiot', sv: 'Organisationer', en: 'Organisations', other: ['Organizations', 'Organisaatio'] },
    ],
    ['services', { fi: 'Palvelut', sv: 'Tjänster', en: 'Services', other: [] }],
    ['products', { fi: 'Tuotteet', sv: 'Produkter', en: 'Products', other: ['Tuoteluettelo'] }],
    ['systems', { fi: 'Järjestelmät', sv: 'System', en: 'Systems', other: ['Tietojärjestelmät', 'Systemen'] }],
    [
      'integrations',
      { fi: 'Integraatiot', sv: 'Integrationer', en: 'Integrations', other: ['Liittymät', 'Rajapinnat'] },
    ],
    ['relations', { fi: 'Suhteet', sv: 'Relationer', en: 'Relations', other: ['Relaatiot'] }],
  ]);

/** Sheets that are read past on purpose (the template's instructions). */
export const INSTRUCTION_SHEETS = new Set(['ohjeet', 'anvisningar', 'instructions', 'ohje']);

/** The sheet kind a sheet name says, or `undefined`. */
export function sheetKindOfName(name: string): SheetKind | undefined {
  const folded = fold(name);
  for (const [kind, names] of SHEET_NAMES) {
    for (const candidate of [names.fi, names.sv, names.en, ...names.other]) if (fold(candidate) === folded) return kind;
  }
  return undefined;
}

/** Every header word of a sheet kind, folded, to the field it names (the first field to claim a word keeps it). */
export function headerIndex(kind: SheetKind): Map<string, FieldSpec> {
  const index = new Map<string, FieldSpec>();
  for (const field of FIELDS.get(kind) ?? []) {
    for (const word of [...field.fi, ...field.sv, ...field.en, field.key]) {
      const folded = fold(word);
      if (!index.has(folded)) index.set(folded, field);
      const squeezed = folded.replaceAll(' ', '');
      if (!index.has(squeezed)) index.set(squeezed, field);
    }
  }
  return index;
}

/** The languages a name may be given in by a column such as `Nimi (sv)`. */
export const NAME_LANGUAGE = /^(.*)\s+([a-z]{2,3})$/;
