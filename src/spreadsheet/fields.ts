/**
 * The dictionary of the inventory: the sheet kinds, their columns, what each column holds and the header words
 * that name it in Finnish, Swedish and English. The first word of each language is the one written in exported
 * workbooks and templates.
 */
import { fold } from './words.js';

/** The kinds of sheet an inventory may have. */
export type SheetKind =
  | 'model'
  | 'organisations'
  | 'services'
  | 'products'
  | 'systems'
  | 'integrations'
  | 'relations'
  | 'themes'
  | 'funders'
  | 'offerings'
  | 'projects'
  | 'budget'
  | 'funding';

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
  | 'relationType'
  | 'amount'
  | 'percent'
  | 'year'
  | 'projectKind'
  | 'projectStatus'
  | 'projectLevel';

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

const themes: FieldSpec = {
  key: 'themes',
  type: 'refs',
  fi: ['Teemat', 'Teema'],
  sv: ['Teman', 'Tema'],
  en: ['Themes', 'Theme'],
};
const project: FieldSpec = {
  key: 'project',
  type: 'ref',
  required: true,
  fi: ['Hanke', 'Hankkeen tunnus', 'Projekti'],
  sv: ['Projekt'],
  en: ['Project'],
};
const euros: FieldSpec = {
  key: 'amount',
  type: 'amount',
  fi: ['Summa (€)', 'Summa', 'Määrä (€)', 'Euroa'],
  sv: ['Belopp (€)', 'Belopp'],
  en: ['Amount (EUR)', 'Amount', 'Euros'],
  help: {
    fi: 'euroa, enintään kaksi desimaalia, esim. 4 032,50',
    sv: 'euro, högst två decimaler, t.ex. 4 032,50',
    en: 'euros, at most two decimals, e.g. 4032.50',
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
  [
    'themes',
    [
      id,
      {
        key: 'name',
        type: 'text',
        required: true,
        fi: ['Teema', 'Nimi', 'Teeman nimi'],
        sv: ['Tema', 'Namn'],
        en: ['Theme', 'Name'],
      },
      description,
      extension,
    ],
  ],
  [
    'funders',
    [
      id,
      {
        key: 'name',
        type: 'text',
        required: true,
        fi: ['Rahoittaja', 'Nimi', 'Rahoittajan nimi'],
        sv: ['Finansiär', 'Namn'],
        en: ['Funder', 'Name'],
      },
      description,
      extension,
    ],
  ],
  [
    'offerings',
    [
      id,
      {
        key: 'name',
        type: 'text',
        required: true,
        fi: ['Tarjonta', 'Nimi', 'Palvelutarjonta'],
        sv: ['Utbud', 'Namn'],
        en: ['Offering', 'Name'],
      },
      {
        key: 'provider',
        type: 'ref',
        required: true,
        fi: ['Tarjoaja', 'Palveluntarjoaja'],
        sv: ['Tillhandahållare', 'Leverantör av tjänsten'],
        en: ['Provider', 'Offered by'],
      },
      {
        key: 'services',
        type: 'refs',
        required: true,
        fi: ['Palvelut', 'Palvelu'],
        sv: ['Tjänster', 'Tjänst'],
        en: ['Services', 'Service'],
      },
      themes,
      {
        key: 'available',
        type: 'date',
        fi: ['Saatavilla alkaen', 'Saatavilla'],
        sv: ['Tillgänglig från', 'Tillgänglig'],
        en: ['Available from', 'Available'],
        help: { fi: 'esim. 1.1.2019', sv: 't.ex. 1.1.2019', en: 'e.g. 2019-01-01' },
      },
      {
        key: 'obligationFrom',
        type: 'date',
        fi: ['Käyttövelvoite alkaen', 'Velvoite alkaen', 'Käyttövelvoite'],
        sv: ['Användningsskyldighet från', 'Skyldighet från'],
        en: ['Obligation from', 'Obligation'],
        help: {
          fi: 'päivä, josta alkaen palvelua on käytettävä; tyhjä, jos velvoitetta ei ole',
          sv: 'dagen från vilken tjänsten måste användas; tom om ingen skyldighet',
          en: 'the day from which the service must be used; empty when there is no obligation',
        },
      },
      {
        key: 'obligationBasis',
        type: 'text',
        fi: ['Velvoitteen peruste'],
        sv: ['Grund för skyldigheten'],
        en: ['Obligation basis'],
      },
      {
        key: 'obligationDescription',
        type: 'text',
        fi: ['Velvoitteen kuvaus'],
        sv: ['Beskrivning av skyldigheten'],
        en: ['Obligation description'],
      },
      description,
      extension,
    ],
  ],
  [
    'projects',
    [
      id,
      {
        key: 'name',
        type: 'text',
        required: true,
        fi: ['Hanke', 'Nimi', 'Hankkeen nimi', 'Projekti'],
        sv: ['Projekt', 'Namn'],
        en: ['Project', 'Name'],
      },
      {
        key: 'portfolio',
        type: 'text',
        fi: ['Hankesalkku', 'Salkku', 'Ohjelma'],
        sv: ['Portfölj', 'Program'],
        en: ['Portfolio', 'Programme'],
      },
      {
        key: 'kind',
        type: 'projectKind',
        fi: ['Hanketyyppi', 'Tyyppi', 'Laji'],
        sv: ['Projekttyp', 'Typ'],
        en: ['Kind', 'Project kind', 'Type'],
        help: {
          fi: 'valmistelu / selvitys / kehittäminen / hankinta / käyttöönotto / siirtymä / muu',
          sv: 'beredning / utredning / utveckling / upphandling / införande / migrering / annan',
          en: 'preparation / study / development / procurement / deployment / migration / other',
        },
      },
      {
        key: 'status',
        type: 'projectStatus',
        required: true,
        fi: ['Tila', 'Vaihe', 'Hankkeen tila'],
        sv: ['Status', 'Läge'],
        en: ['Status', 'State'],
        help: {
          fi: 'ehdotettu / suunniteltu / käynnissä / päättynyt / peruttu',
          sv: 'föreslagen / planerad / pågående / avslutad / inställd',
          en: 'proposed / planned / running / completed / cancelled',
        },
      },
      {
        key: 'level',
        type: 'projectLevel',
        fi: ['Taso'],
        sv: ['Nivå'],
        en: ['Level'],
        help: {
          fi: 'paikallinen / alueellinen / kansallinen',
          sv: 'lokal / regional / nationell',
          en: 'local / regional / national',
        },
      },
      {
        key: 'start',
        type: 'date',
        required: true,
        fi: ['Alkaa', 'Alkupäivä', 'Alkamispäivä', 'Aloitus'],
        sv: ['Börjar', 'Startdatum', 'Start'],
        en: ['Start', 'Start date', 'Starts'],
        help: { fi: 'esim. 13.2.2017', sv: 't.ex. 13.2.2017', en: 'e.g. 2017-02-13' },
      },
      {
        key: 'end',
        type: 'date',
        fi: ['Päättyy', 'Loppupäivä', 'Päättymispäivä'],
        sv: ['Slutar', 'Slutdatum'],
        en: ['End', 'End date', 'Ends'],
      },
      {
        key: 'budgetTotal',
        type: 'amount',
        fi: ['Budjetti (€)', 'Budjetti', 'Kokonaisbudjetti'],
        sv: ['Budget (€)', 'Budget', 'Total budget'],
        en: ['Budget (EUR)', 'Budget', 'Total budget'],
        help: {
          fi: 'euroa, enintään kaksi desimaalia; erittely Budjetti-välilehdellä',
          sv: 'euro, högst två decimaler; specifikation på fliken Budget',
          en: 'euros, at most two decimals; the lines on the Budget sheet',
        },
      },
      {
        key: 'implementers',
        type: 'refs',
        fi: ['Toteuttajat', 'Toteuttaja', 'Toteuttavat organisaatiot'],
        sv: ['Genomförare', 'Genomförande organisationer'],
        en: ['Implementers', 'Implementer', 'Implementing organisations'],
      },
      themes,
      {
        key: 'deliversSystems',
        type: 'refs',
        fi: ['Muuttaa järjestelmiä', 'Järjestelmät'],
        sv: ['Ändrar system', 'System'],
        en: ['Delivers systems', 'Systems'],
      },
      {
        key: 'deliversServices',
        type: 'refs',
        fi: ['Muuttaa palveluja', 'Palvelut'],
        sv: ['Ändrar tjänster', 'Tjänster'],
        en: ['Delivers services', 'Services'],
      },
      {
        key: 'deliversIntegrations',
        type: 'refs',
        fi: ['Muuttaa integraatioita', 'Integraatiot'],
        sv: ['Ändrar integrationer', 'Integrationer'],
        en: ['Delivers integrations', 'Integrations'],
      },
      {
        key: 'deliversProducts',
        type: 'refs',
        fi: ['Muuttaa tuotteita', 'Tuotteet'],
        sv: ['Ändrar produkter', 'Produkter'],
        en: ['Delivers products', 'Products'],
      },
      {
        key: 'migrationSteps',
        type: 'list',
        fi: ['Siirtymävaiheet'],
        sv: ['Migreringssteg'],
        en: ['Migration steps'],
      },
      { key: 'source', type: 'text', fi: ['Lähde', 'Lähteet'], sv: ['Källa'], en: ['Source'] },
      description,
      extension,
    ],
  ],
  [
    'budget',
    [
      project,
      { key: 'year', type: 'year', required: true, fi: ['Vuosi'], sv: ['År'], en: ['Year'] },
      {
        key: 'category',
        type: 'text',
        required: true,
        fi: ['Kustannuslaji', 'Kategoria', 'Luokka'],
        sv: ['Kostnadsslag', 'Kategori'],
        en: ['Category', 'Cost category'],
      },
      { ...euros, required: true },
      description,
    ],
  ],
  [
    'funding',
    [
      project,
      {
        key: 'funder',
        type: 'ref',
        required: true,
        fi: ['Rahoittaja'],
        sv: ['Finansiär'],
        en: ['Funder'],
      },
      {
        key: 'share',
        type: 'percent',
        fi: ['Osuus (%)', 'Osuus', 'Rahoitusosuus'],
        sv: ['Andel (%)', 'Andel'],
        en: ['Share (%)', 'Share'],
        help: {
          fi: 'prosentteina, esim. 70 tai 12,5 %; anna osuus tai summa',
          sv: 'i procent, t.ex. 70 eller 12,5 %; ange andel eller belopp',
          en: 'in percent, e.g. 70 or 12.5 %; give a share or an amount',
        },
      },
      euros,
      description,
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
    ['themes', { fi: 'Teemat', sv: 'Teman', en: 'Themes', other: ['Teemaluettelo'] }],
    ['funders', { fi: 'Rahoittajat', sv: 'Finansiärer', en: 'Funders', other: ['Ulkoiset rahoittajat'] }],
    [
      'offerings',
      { fi: 'Palvelutarjonta', sv: 'Tjänsteutbud', en: 'Offerings', other: ['Kansalliset palvelut', 'Tarjonta'] },
    ],
    ['projects', { fi: 'Hankkeet', sv: 'Projekt', en: 'Projects', other: ['Projektit', 'Kehittämishankkeet'] }],
    ['budget', { fi: 'Budjetti', sv: 'Budget', en: 'Budget', other: ['Budjetit', 'Talousarvio', 'Kustannukset'] }],
    ['funding', { fi: 'Rahoitus', sv: 'Finansiering', en: 'Funding', other: ['Rahoitusosuudet'] }],
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
