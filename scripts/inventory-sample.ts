/**
 * Writes the sample inventory of docs/spreadsheets.md: three workbooks as a region's collection really returns
 * them (one per organisation, headers in Finnish or Swedish, product names spelled five ways, Finnish number and
 * date formats), and a copy with deliberate errors. Run: `npx tsx scripts/inventory-sample.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { writeXlsx, type OutSheet } from '../src/spreadsheet/xlsx-write.js';

const SYSTEMS_FI = [
  'Järjestelmä',
  'Omistaja',
  'Palvelut',
  'Luokka',
  'Tuote',
  'Toimittaja',
  'Elinkaaren vaihe',
  'Käyttäjämäärä',
  'Sopimus päättyy',
  'Irtisanomisaika',
  'Vuosikustannus',
];
const INTEGRATIONS_FI = [
  'Lähdejärjestelmä',
  'Kohdejärjestelmä',
  'Siirrettävät tiedot',
  'Suunta',
  'Siirtotapa',
  'Kriittisyys',
];

function oulu(errors: boolean): OutSheet[] {
  return [
    {
      name: 'Organisaatiot',
      header: ['Nimi', 'Tyyppi', 'Y-tunnus', 'Kuntanumero'],
      rows: [
        ['Oulu', 'kaupunki', '0187690-1', '564'],
        ['Kempele', 'kunta', '0190585-6', '244'],
        ['PPSHP', 'sairaanhoitopiiri', errors ? '0245437-3' : '0245437-2', undefined],
      ],
    },
    {
      name: 'Palvelut',
      header: ['Palvelu', 'Toimiala'],
      rows: [
        ['Perusterveydenhuolto', 'terveys'],
        ['Erikoissairaanhoito', 'terveys'],
        ['Palkanlaskenta', 'hallinto'],
        ['Asianhallinta', 'hallinto'],
      ],
    },
    {
      name: 'Järjestelmät',
      header: SYSTEMS_FI,
      rows: [
        [
          'Effica',
          'Oulu',
          'Perusterveydenhuolto',
          'TOSI',
          'Tieto Effica 4.x',
          'Tietoevry',
          'Tuotannossa',
          '2 400',
          '31.12.2020',
          '12 kk',
          '850 000,00 €',
        ],
        [
          'Lifecare',
          'Oulu',
          'Perusterveydenhuolto',
          'TOSI',
          'Lifecare',
          'Tietoevry',
          errors ? 'tuotanossa' : 'käyttöönotossa',
          '150',
          '30.6.2025',
          '6 kk',
          '120.000',
        ],
        [
          'Palkat',
          'Oulu',
          'Palkanlaskenta',
          'TORI',
          'Populus',
          'Visma',
          'Tuotannossa',
          '90',
          '31.12.2021',
          '3 kk',
          '45 000 €',
        ],
        [
          'Dynasty',
          'Oulu',
          'Asianhallinta',
          'TORI',
          'Dynasty 10',
          'Innofactor',
          'Poistumassa',
          'n. 800',
          errors ? '31.12.21' : '31.12.2021',
          '6 kk',
          '60 000 €',
        ],
      ],
    },
    {
      name: 'Integraatiot',
      header: INTEGRATIONS_FI,
      rows: [
        ['Effica', 'Esko', 'lähetteet ja palautteet', 'kaksisuuntainen', 'reaaliaikainen', 'korkea'],
        ['Palkat', 'Dynasty', 'henkilöstötiedot', 'yksisuuntainen', 'eräajo', 'keskitaso'],
        ['Lifecare', errors ? 'Efica' : 'Effica', 'asiakastiedot', 'kaksisuuntainen', 'reaaliaikainen', 'kriittinen'],
      ],
    },
  ];
}

function kempele(): OutSheet[] {
  // A sheet named after the organisation, in the "one sheet per organisation" layout.
  return [
    {
      name: 'Kempele',
      header: [
        'Järjestelmä',
        'Palvelut',
        'Luokka',
        'Tuote',
        'Elinkaaren vaihe',
        'Käyttäjämäärä',
        'Sopimus päättyy',
        'Vuosikustannus',
      ],
      rows: [
        ['Effica', 'Perusterveydenhuolto', 'tosi', 'EFFICA', 'käytössä', '310', '31.12.2020', '95 000,00 €'],
        ['Lifecare', 'Perusterveydenhuolto', 'TOSI', 'LifeCare 4.x', 'suunniteltu', undefined, undefined, undefined],
        ['Palkat', 'Palkanlaskenta', 'TORI', 'Visma Populus', 'käytössä', '25', '31.12.2021', '8 500 €'],
      ],
    },
  ];
}

function ppshp(): OutSheet[] {
  return [
    {
      name: 'System',
      header: [
        'System',
        'Ägare',
        'Tjänster',
        'Klass',
        'Produkt',
        'Leverantör',
        'Livscykelfas',
        'Antal användare',
        'Avtalet upphör',
        'Uppsägningstid',
        'Årskostnad',
      ],
      rows: [
        [
          'Esko',
          'PPSHP',
          'Erikoissairaanhoito',
          'TOSI',
          'Esko',
          'Medbit',
          'i produktion',
          '6 000',
          '31.12.2023',
          '12 mån',
          '1 200 000 €',
        ],
        [
          'Oberon',
          'PPSHP',
          'Erikoissairaanhoito',
          'TOSI',
          'Oberon',
          'CGI',
          'avvecklas',
          '400',
          '30.6.2021',
          '6 mån',
          '150 000 €',
        ],
      ],
    },
  ];
}

for (const [folder, errors] of [
  ['examples/inventory', false],
  ['examples/inventory-with-errors', true],
] as const) {
  mkdirSync(folder, { recursive: true });
  writeFileSync(`${folder}/oulu.xlsx`, writeXlsx(oulu(errors)));
  writeFileSync(`${folder}/kempele.xlsx`, writeXlsx(kempele()));
  writeFileSync(`${folder}/ppshp.xlsx`, writeXlsx(ppshp()));
}
