/**
 * The report's own words in Finnish, Swedish and English. Names in the model are the model's; these are the
 * headings, column titles and short phrases around them. Messages that come from the library's queries (lint
 * findings, the plan's explanations, harmonisation reasons) are in English whatever the language: they are data
 * a script can also read, and the report shows them as they are.
 */
import type { Name } from '../types.js';

/**
 * A language the report's labels are written in.
 *
 * @example
 * ```ts
 * import type { ReportLanguage } from 'kartta/report';
 * const lang: ReportLanguage = 'sv';
 * ```
 * @category Report
 */
export type ReportLanguage = 'fi' | 'sv' | 'en';

/**
 * The report's languages, in the order a form offers them.
 *
 * @example
 * ```ts
 * import { reportLanguages } from 'kartta/report';
 * console.log(reportLanguages.includes('fi')); // true
 * ```
 * @category Report
 */
export const reportLanguages = ['fi', 'sv', 'en'] as const;

type Words = { readonly fi: string; readonly sv: string; readonly en: string };

const words = {
  title: { fi: 'Aluekatsaus', sv: 'Regionrapport', en: 'Region report' },
  contents: { fi: 'Sisältö', sv: 'Innehåll', en: 'Contents' },
  generated: { fi: 'Tilanne', sv: 'Läge', en: 'As of' },
  scope: { fi: 'Rajaus', sv: 'Avgränsning', en: 'Scope' },
  wholeModel: { fi: 'koko malli', sv: 'hela modellen', en: 'the whole model' },
  overview: { fi: 'Yleiskuva', sv: 'Översikt', en: 'Overview' },
  landscapes: { fi: 'Järjestelmäkartat', sv: 'Systemkartor', en: 'Landscape diagrams' },
  harmonisation: { fi: 'Yhtenäistäminen', sv: 'Harmonisering', en: 'Harmonisation' },
  parallel: { fi: 'Rinnakkaiset järjestelmät', sv: 'Parallella system', en: 'Parallel systems' },
  migration: { fi: 'Siirtymä', sv: 'Migrering', en: 'Migration' },
  scenarios: { fi: 'Skenaariot', sv: 'Scenarier', en: 'Scenarios' },
  findings: { fi: 'Havainnot', sv: 'Iakttagelser', en: 'Findings' },
  portfolio: { fi: 'Kehittämissalkku', sv: 'Utvecklingsportfölj', en: 'Development portfolio' },
  portfolioIntro: {
    fi: 'Mitä kehitetään ja kuka maksaa: ensin hankkeet, joissa useampi organisaatio kehittää samaa samaan aikaan.',
    sv: 'Vad som utvecklas och vem som betalar: först projekt där flera organisationer utvecklar samma sak samtidigt.',
    en: 'What is being developed and who pays: first the projects in which several organisations develop the same thing at the same time.',
  },
  projects: { fi: 'Hankkeet', sv: 'Projekt', en: 'Projects' },
  // After a count of two or more (an overlap group always has two): Finnish wants the partitive.
  projectsCounted: { fi: 'hanketta', sv: 'projekt', en: 'projects' },
  project: { fi: 'Hanke', sv: 'Projekt', en: 'Project' },
  portfolioBudget: { fi: 'Budjetit yhteensä', sv: 'Budgetar totalt', en: 'Budgets in total' },
  overlapGroups: { fi: 'Päällekkäisiä kehityskohteita', sv: 'Överlappande utveckling', en: 'Overlapping groups' },
  withoutNational: {
    fi: 'ilman kansallista hanketta',
    sv: 'utan nationellt projekt',
    en: 'without national development',
  },
  obligatedSystems: {
    fi: 'Käyttövelvoitteen piirissä',
    sv: 'Omfattas av användningsskyldighet',
    en: 'Systems under an obligation',
  },
  overlaps: { fi: 'Päällekkäinen kehittäminen', sv: 'Överlappande utveckling', en: 'Overlapping development' },
  overlapsIntro: {
    fi: 'Eri organisaatioiden hankkeet, jotka kehittävät samaa teemaa, tuotetta tai palvelua samaan aikaan: ehdokkaita yhteiseen tai kansalliseen kehittämiseen.',
    sv: 'Projekt i olika organisationer som samtidigt utvecklar samma tema, produkt eller tjänst: kandidater för gemensam eller nationell utveckling.',
    en: 'Projects of different organisations that work on the same theme, product or service at the same time: candidates for joint or national development.',
  },
  theme: { fi: 'teema', sv: 'tema', en: 'theme' },
  subjectProduct: { fi: 'tuote', sv: 'produkt', en: 'product' },
  subjectService: { fi: 'palvelu', sv: 'tjänst', en: 'service' },
  nationalExists: {
    fi: 'Kansallinen kehittäminen on olemassa – liity siihen sen sijaan, että samaa rahoitetaan kahdesti',
    sv: 'Nationell utveckling finns – anslut till den i stället för att finansiera samma sak två gånger',
    en: 'National development exists – join it rather than fund the same thing twice',
  },
  noNational: {
    fi: 'Ei kansallista hanketta eikä palvelua: ehdokas yhteiseen tai kansalliseen kehittämiseen',
    sv: 'Inget nationellt projekt eller tjänsteutbud: kandidat för gemensam eller nationell utveckling',
    en: 'No national project or offering: a candidate for joint or national development',
  },
  nationalProject: { fi: 'kansallinen hanke', sv: 'nationellt projekt', en: 'national project' },
  offering: { fi: 'Palvelutarjoama', sv: 'Tjänsteutbud', en: 'Offering' },
  offeringOf: { fi: 'tarjoaja', sv: 'tillhandahålls av', en: 'offered by' },
  sameTime: { fi: 'Käynnissä yhtä aikaa', sv: 'Pågår samtidigt', en: 'Running at the same time' },
  regions: { fi: 'Alueet', sv: 'Regioner', en: 'Regions' },
  period: { fi: 'Kausi', sv: 'Period', en: 'Period' },
  openEnd: { fi: 'avoin', sv: 'öppen', en: 'open' },
  budget: { fi: 'Budjetti', sv: 'Budget', en: 'Budget' },
  combined: { fi: 'Yhteensä', sv: 'Sammanlagt', en: 'Combined' },
  funders: { fi: 'Rahoittajat', sv: 'Finansiärer', en: 'Funders' },
  funder: { fi: 'Rahoittaja', sv: 'Finansiär', en: 'Funder' },
  funding: { fi: 'Rahoitus', sv: 'Finansiering', en: 'Funding' },
  fundingIntro: {
    fi: 'Omarahoitus on mallin omien organisaatioiden maksama osuus, ulkoinen rahoitus mallin ulkopuolisten rahoittajien (kuten EAKR). Organisaatioittain hankkeen budjetti jaetaan tasan sen toteuttajien kesken, sentilleen.',
    sv: 'Egen finansiering är den del som modellens egna organisationer betalar, extern finansiering den del som finansiärer utanför modellen (som ERUF) betalar. Per organisation delas ett projekts budget lika mellan dess genomförare, på centen.',
    en: "Own funding is what the model's own organisations pay, external funding what funders outside it (such as the ERDF) pay. By organisation, a project's budget is split equally among its implementers, to the cent.",
  },
  fundingByFunder: { fi: 'Rahoitus rahoittajittain', sv: 'Finansiering per finansiär', en: 'Funding by funder' },
  fundingByOrganisation: {
    fi: 'Rahoitus toteuttajaorganisaatioittain',
    sv: 'Finansiering per genomförande organisation',
    en: 'Funding by implementing organisation',
  },
  amount: { fi: 'Euroa', sv: 'Euro', en: 'Euros' },
  share: { fi: 'Osuus', sv: 'Andel', en: 'Share' },
  ownFunding: { fi: 'Omarahoitus', sv: 'Egen finansiering', en: 'Own funding' },
  externalFunding: { fi: 'Ulkoinen rahoitus', sv: 'Extern finansiering', en: 'External funding' },
  unfunded: { fi: 'Rahoittamaton', sv: 'Ofinansierad', en: 'Unfunded' },
  ownShare: { fi: 'Oma osuus', sv: 'Egen andel', en: 'Own share' },
  funderOrganisation: { fi: 'organisaatio', sv: 'organisation', en: 'organisation' },
  funderExternal: { fi: 'ulkoinen', sv: 'extern', en: 'external' },
  noImplementer: { fi: 'ei toteuttajaa', sv: 'ingen genomförare', en: 'no implementer' },
  obligations: { fi: 'Käyttövelvoitteet', sv: 'Användningsskyldigheter', en: 'Obligations' },
  obligationsIntro: {
    fi: 'Järjestelmät, jotka tukevat palvelua, jonka käyttö on velvoitettu kansallisesta palvelutarjoamasta tietystä päivästä alkaen: siirtymäehdokkaita.',
    sv: 'System som stöder en tjänst som från ett visst datum ska tas från ett nationellt tjänsteutbud: migreringskandidater.',
    en: 'Systems that support a service which, from a date, must be taken from a national offering: migration candidates.',
  },
  owners: { fi: 'Omistajat', sv: 'Ägare', en: 'Owners' },
  obligedFrom: { fi: 'Velvoite alkaen', sv: 'Skyldighet från', en: 'Obliged from' },
  applies: { fi: 'voimassa', sv: 'gäller', en: 'applies' },
  upcoming: { fi: 'tulossa', sv: 'kommande', en: 'upcoming' },
  basis: { fi: 'Peruste', sv: 'Grund', en: 'Basis' },
  payback: { fi: 'Takaisinmaksu', sv: 'Återbetalning', en: 'Payback' },
  paybackIntro: {
    fi: 'Hankkeet, jotka toteuttavat yhtenäistämisehdokkaita: hankkeen kustannus verrattuna vuosittaiseen säästöön (poistuvien asennusten tunnettu vuosikustannus, kukin kerran).',
    sv: 'Projekt som genomför harmoniseringskandidater: projektets kostnad mot den årliga besparingen (den kända årskostnaden för installationerna som försvinner, var och en en gång).',
    en: 'Projects that deliver harmonisation candidates: the project’s cost against the yearly savings (the known yearly cost of the installations that would go, each counted once).',
  },
  cost: { fi: 'Kustannus', sv: 'Kostnad', en: 'Cost' },
  delivers: { fi: 'Toteuttaa', sv: 'Genomför', en: 'Delivers' },
  yearlySavings: { fi: 'Säästö €/v', sv: 'Besparing €/år', en: 'Savings €/year' },
  paybackYears: { fi: 'Takaisinmaksuaika (v)', sv: 'Återbetalningstid (år)', en: 'Payback (years)' },
  costUnknownSystems: {
    fi: 'vuosikustannus puuttuu',
    sv: 'årskostnad saknas för',
    en: 'yearly cost unknown for',
  },
  statusProposed: { fi: 'ehdotettu', sv: 'föreslaget', en: 'proposed' },
  statusPlanned: { fi: 'suunniteltu', sv: 'planerat', en: 'planned' },
  statusRunning: { fi: 'käynnissä', sv: 'pågår', en: 'running' },
  statusCompleted: { fi: 'päättynyt', sv: 'avslutat', en: 'completed' },
  statusCancelled: { fi: 'peruttu', sv: 'inställt', en: 'cancelled' },
  organisations: { fi: 'Organisaatiot', sv: 'Organisationer', en: 'Organisations' },
  services: { fi: 'Palvelut', sv: 'Tjänster', en: 'Services' },
  systemsInUse: { fi: 'Järjestelmät käytössä', sv: 'System i bruk', en: 'Systems in use' },
  integrations: { fi: 'Integraatiot', sv: 'Integrationer', en: 'Integrations' },
  annualCost: { fi: 'Vuosikustannus', sv: 'Årskostnad', en: 'Annual cost' },
  costUnknownFor: { fi: 'kustannus puuttuu', sv: 'kostnad saknas för', en: 'cost unknown for' },
  systemsByClass: {
    fi: 'Järjestelmät luokittain ja elinkaaren vaiheittain',
    sv: 'System per klass och livscykel',
    en: 'Systems by class and lifecycle',
  },
  class: { fi: 'Luokka', sv: 'Klass', en: 'Class' },
  lifecycle: { fi: 'Elinkaari', sv: 'Livscykel', en: 'Lifecycle' },
  count: { fi: 'Määrä', sv: 'Antal', en: 'Count' },
  total: { fi: 'Yhteensä', sv: 'Totalt', en: 'Total' },
  membership: { fi: 'Jäsenyydet', sv: 'Medlemskap', en: 'Membership' },
  membershipIntro: {
    fi: 'Kuka on minkäkin jäsen: alue, sen kunnat, kuntayhtymät ja sairaanhoitopiiri.',
    sv: 'Vem är medlem i vad: regionen, dess kommuner, samkommuner och sjukvårdsdistrikt.',
    en: 'Who is a member of what: the region, its municipalities, joint authorities and the hospital district.',
  },
  notMembers: { fi: 'Muut organisaatiot', sv: 'Övriga organisationer', en: 'Other organisations' },
  tableOfChart: { fi: 'Kaavion tiedot taulukkona', sv: 'Diagrammets data som tabell', en: 'The chart as a table' },
  byOrganisation: { fi: 'Organisaatioittain', sv: 'Per organisation', en: 'By organisation' },
  byService: {
    fi: 'Palveluittain (rinnakkaiset ryhmät)',
    sv: 'Per tjänst (parallella grupper)',
    en: 'By service (parallel groups)',
  },
  landscapesIntro: {
    fi: 'Samat asettelut kuin ArchiMate-näkymissä: mitä Archi näyttää, sitä tämä näyttää.',
    sv: 'Samma layout som ArchiMate-vyerna: det Archi visar visar även denna.',
    en: 'The same layouts as the ArchiMate views: what Archi shows, this shows.',
  },
  zoom: { fi: 'Zoomaus', sv: 'Zoomning', en: 'Zoom' },
  tooLarge: {
    fi: 'liian suuri piirrettäväksi luettavasti; ArchiMate-vienti (kartta export archimate --views) piirtää sen',
    sv: 'för stor för att ritas läsbart; ArchiMate-exporten (kartta export archimate --views) ritar den',
    en: 'too large to draw legibly; the ArchiMate export (kartta export archimate --views) draws it',
  },
  zoomIn: { fi: 'Suurenna', sv: 'Förstora', en: 'Zoom in' },
  zoomOut: { fi: 'Pienennä', sv: 'Förminska', en: 'Zoom out' },
  zoomReset: { fi: 'Alkuperäinen koko', sv: 'Ursprunglig storlek', en: 'Original size' },
  systemCount: { fi: 'Järjestelmiä', sv: 'System', en: 'Systems' },
  systems: { fi: 'järjestelmää', sv: 'system', en: 'systems' },
  nodes: { fi: 'elementtiä', sv: 'element', en: 'elements' },
  legend: { fi: 'Selite', sv: 'Förklaring', en: 'Legend' },
  organisation: { fi: 'Organisaatio', sv: 'Organisation', en: 'Organisation' },
  service: { fi: 'Palvelu', sv: 'Tjänst', en: 'Service' },
  system: { fi: 'Järjestelmä', sv: 'System', en: 'System' },
  savingsByService: {
    fi: 'Säästöt palveluittain (€/v)',
    sv: 'Besparingar per tjänst (€/år)',
    en: 'Savings by service (€/year)',
  },
  savingsNote: {
    fi: 'Ehdokas, joka tukee useaa palvelua, lasketaan jokaisen palvelun kohdalle.',
    sv: 'En kandidat som stöder flera tjänster räknas under var och en.',
    en: 'A candidate that supports several services counts under each of them.',
  },
  candidates: { fi: 'Ehdokkaat säästön mukaan', sv: 'Kandidater efter besparing', en: 'Candidates ranked by savings' },
  rank: { fi: 'Sija', sv: 'Rang', en: 'Rank' },
  kind: { fi: 'Laji', sv: 'Typ', en: 'Kind' },
  sameProduct: { fi: 'sama tuote', sv: 'samma produkt', en: 'same product' },
  sameService: { fi: 'sama palvelu (TORI)', sv: 'samma tjänst (TORI)', en: 'same service (TORI)' },
  subject: { fi: 'Tuote tai palvelu', sv: 'Produkt eller tjänst', en: 'Product or service' },
  keep: { fi: 'Säilytetään', sv: 'Behålls', en: 'Keep' },
  savings: { fi: 'Säästö €/v', sv: 'Besparing €/år', en: 'Savings €/year' },
  unknown: { fi: 'ei tiedossa', sv: 'okänd', en: 'unknown' },
  reasons: { fi: 'Perustelut', sv: 'Motiveringar', en: 'Reasons' },
  none: { fi: 'Ei yhtään.', sv: 'Inga.', en: 'None.' },
  parallelIntro: {
    fi: 'Kunkin palvelun käytössä olevat eri tuotteiden TOSI-järjestelmät ja niiden väliset yhteydet.',
    sv: 'De TOSI-system av olika produkter som stöder varje tjänst och förbindelserna mellan dem.',
    en: 'The TOSI systems in use of different products that support each service, and how each pair is connected.',
  },
  statusDirect: { fi: 'suora', sv: 'direkt', en: 'direct' },
  statusPlatform: { fi: 'alustan kautta', sv: 'via plattform', en: 'through a platform' },
  statusNone: { fi: 'ei yhteyttä', sv: 'ingen förbindelse', en: 'none' },
  sameProductPair: { fi: 'sama tuote', sv: 'samma produkt', en: 'same product' },
  overdue: {
    fi: 'Myöhässä: rinnakkaiskäytön määräaika on ohi',
    sv: 'Försenad: tiden för parallell drift har gått ut',
    en: 'Overdue: the time allowed for parallel operation has passed',
  },
  allowedUntil: { fi: 'Sallittu asti', sv: 'Tillåten till', en: 'Allowed until' },
  gaps: { fi: 'puuttuvaa yhteyttä', sv: 'saknade förbindelser', en: 'gaps' },
  matrixCaption: { fi: 'Parien tila', sv: 'Parens status', en: 'Status of each pair' },
  pairsTable: { fi: 'Parit', sv: 'Par', en: 'Pairs' },
  byProduct: {
    fi: 'Tuotteiden parit muiden tuotteiden kanssa',
    sv: 'Produkternas par med andra produkter',
    en: "Each product's pairs with the other products",
  },
  andMore: { fi: 'ja {count} muuta', sv: 'och {count} till', en: 'and {count} more' },
  product: { fi: 'Tuote', sv: 'Produkt', en: 'Product' },
  status: { fi: 'Tila', sv: 'Status', en: 'Status' },
  via: { fi: 'Kautta', sv: 'Via', en: 'Through' },
  noPlan: {
    fi: 'Siirtymäsuunnitelmaa ei annettu.',
    sv: 'Ingen migreringsplan angavs.',
    en: 'No migration plan was given.',
  },
  timeline: { fi: 'Aikajana', sv: 'Tidslinje', en: 'Timeline' },
  wave: { fi: 'Aalto', sv: 'Våg', en: 'Wave' },
  waves: { fi: 'Aallot', sv: 'Vågor', en: 'Waves' },
  step: { fi: 'Vaihe', sv: 'Steg', en: 'Step' },
  steps: { fi: 'vaihetta', sv: 'steg', en: 'steps' },
  action: { fi: 'Toimenpide', sv: 'Åtgärd', en: 'Action' },
  target: { fi: 'Kohde', sv: 'Mål', en: 'Target' },
  start: { fi: 'Alku', sv: 'Start', en: 'Start' },
  end: { fi: 'Loppu', sv: 'Slut', en: 'End' },
  deadline: { fi: 'Määräaika', sv: 'Tidsfrist', en: 'Deadline' },
  missed: { fi: 'ylittyy', sv: 'överskrids', en: 'missed' },
  met: { fi: 'pitää', sv: 'hålls', en: 'met' },
  missedDeadlines: { fi: 'Ylittyvät määräajat', sv: 'Överskridna tidsfrister', en: 'Missed deadlines' },
  bridges: { fi: 'Siltaintegraatiot', sv: 'Bryggintegrationer', en: 'Bridge integrations' },
  bridgesIntro: {
    fi: 'Integraatiot, jotka on pidettävä toiminnassa vanhan ja uuden välillä aaltojen välissä.',
    sv: 'Integrationer som måste hållas i drift mellan gammalt och nytt mellan vågorna.',
    en: 'Integrations that must be kept alive across old and new between waves.',
  },
  integration: { fi: 'Integraatio', sv: 'Integration', en: 'Integration' },
  violations: { fi: 'Rikkeet', sv: 'Överträdelser', en: 'Violations' },
  why: { fi: 'Miksi tähän aaltoon', sv: 'Varför i denna våg', en: 'Why this wave' },
  optimal: { fi: 'optimaalinen', sv: 'optimal', en: 'optimal' },
  heuristic: { fi: 'heuristinen', sv: 'heuristisk', en: 'heuristic' },
  cause: { fi: 'Syy', sv: 'Orsak', en: 'Cause' },
  scenariosNone: { fi: 'Skenaarioita ei annettu.', sv: 'Inga scenarier angavs.', en: 'No scenarios were given.' },
  measure: { fi: 'Mittari', sv: 'Mått', en: 'Measure' },
  details: { fi: 'Tarkemmin', sv: 'Detaljer', en: 'Details' },
  scenariosIntro: {
    fi: 'Jokainen sarake on nykytilasta johdettu kohdearkkitehtuuri; suluissa ero nykytilaan.',
    sv: 'Varje kolumn är en målarkitektur härledd ur nuläget; inom parentes skillnaden mot nuläget.',
    en: 'Each column is a target architecture derived from the current state; in brackets, the difference from it.',
  },
  severity: { fi: 'Vakavuus', sv: 'Allvarlighet', en: 'Severity' },
  rule: { fi: 'Sääntö', sv: 'Regel', en: 'Rule' },
  entity: { fi: 'Kohde', sv: 'Objekt', en: 'Entity' },
  message: { fi: 'Viesti', sv: 'Meddelande', en: 'Message' },
  error: { fi: 'virhe', sv: 'fel', en: 'error' },
  warning: { fi: 'varoitus', sv: 'varning', en: 'warning' },
  info: { fi: 'tieto', sv: 'info', en: 'info' },
  findingsByRule: { fi: 'Havainnot säännöittäin', sv: 'Iakttagelser per regel', en: 'Findings by rule' },
  findingsLimit: {
    fi: 'Alla {shown} ensimmäistä {total} havainnosta, virheet ensin; kartta lint luettelee kaikki.',
    sv: 'Nedan de första {shown} av {total} iakttagelser, fel först; kartta lint listar alla.',
    en: 'Below, the first {shown} of {total} findings, errors first; kartta lint lists them all.',
  },
  search: { fi: 'Hae', sv: 'Sök', en: 'Search' },
  showing: { fi: 'Näytetään', sv: 'Visar', en: 'Showing' },
  of: { fi: '/', sv: 'av', en: 'of' },
  sortBy: { fi: 'Lajittele sarakkeen mukaan', sv: 'Sortera efter kolumnen', en: 'Sort by this column' },
  messagesInEnglish: {
    fi: 'Kirjaston viestit ovat englanniksi.',
    sv: 'Bibliotekets meddelanden är på engelska.',
    en: '',
  },
  planned: { fi: 'suunniteltu', sv: 'planerad', en: 'planned' },
  development: { fi: 'kehitys', sv: 'utveckling', en: 'development' },
  production: { fi: 'tuotanto', sv: 'produktion', en: 'production' },
  phasingOut: { fi: 'poistumassa', sv: 'utfasas', en: 'phasing out' },
  retired: { fi: 'poistettu', sv: 'avvecklad', en: 'retired' },
  retire: { fi: 'poisto', sv: 'avveckling', en: 'retire' },
  consolidate: { fi: 'yhdistäminen', sv: 'konsolidering', en: 'consolidate' },
  replace: { fi: 'korvaaminen', sv: 'ersättning', en: 'replace' },
  rehost: { fi: 'siirto', sv: 'flytt', en: 'rehost' },
  region: { fi: 'alue', sv: 'region', en: 'region' },
  municipality: { fi: 'kunta', sv: 'kommun', en: 'municipality' },
  jointAuthority: { fi: 'kuntayhtymä', sv: 'samkommun', en: 'joint authority' },
  hospitalDistrict: { fi: 'sairaanhoitopiiri', sv: 'sjukvårdsdistrikt', en: 'hospital district' },
  regionalCouncil: { fi: 'maakunnan liitto', sv: 'landskapsförbund', en: 'regional council' },
  stateAgency: { fi: 'valtion virasto', sv: 'statlig myndighet', en: 'state agency' },
  company: { fi: 'yhtiö', sv: 'bolag', en: 'company' },
  other: { fi: 'muu', sv: 'annan', en: 'other' },
} as const satisfies Record<string, Words>;

/** A key of the report's words. */
export type LabelKey = keyof typeof words;

/** The report's word for `key` in `lang`. */
export function label(lang: ReportLanguage, key: LabelKey): string {
  return words[key][lang];
}

/** Fallback order of a name's languages after the chosen one: Finnish, then English, then Swedish, then Sámi. */
const FALLBACK = ['fi', 'en', 'sv', 'se'] as const;

/**
 * A name in `lang`, else in the first language of the fallback order it has, else its first language. The
 * report calls this through one function so that the library's own name helper can take its place.
 */
export function nameIn(name: Name | undefined, lang: ReportLanguage, fallback = ''): string {
  if (name === undefined) return fallback;
  if (typeof name === 'string') return name;
  const own = Object.hasOwn(name, lang) ? name[lang] : undefined;
  if (own) return own;
  for (const language of FALLBACK) {
    const value = Object.hasOwn(name, language) ? name[language] : undefined;
    if (value) return value;
  }
  return Object.values(name)[0] ?? fallback;
}

/** The locale used for numbers and dates in `lang`. */
export function localeOf(lang: ReportLanguage): string {
  return lang === 'fi' ? 'fi-FI' : lang === 'sv' ? 'sv-FI' : 'en-GB';
}
