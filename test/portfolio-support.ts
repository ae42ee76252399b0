/** A small region with a development portfolio, shared by the portfolio tests. */

/** Two regions, a national company, two services, themes, ERDF, an obligated offering and four projects. */
export function portfolioRegion(): Record<string, any> {
  return {
    format: 'kartta/1',
    name: 'Portfolio test',
    products: [{ id: 'dynasty', name: 'Dynasty' }],
    organisations: [
      { id: 'pop', kind: 'region', name: 'Pohjois-Pohjanmaa' },
      { id: 'lappi', kind: 'region', name: 'Lappi' },
      { id: 'oulu', kind: 'municipality', name: 'Oulu' },
      { id: 'raahe', kind: 'municipality', name: 'Raahe' },
      { id: 'rovaniemi', kind: 'municipality', name: 'Rovaniemi' },
      { id: 'pop-council', kind: 'regionalCouncil', name: 'Pohjois-Pohjanmaan liitto' },
      { id: 'vrk', kind: 'stateAgency', name: 'Väestörekisterikeskus' },
    ],
    services: [
      { id: 'case-management', name: 'Asianhallinta', domain: 'administration' },
      { id: 'identity', name: 'Tunnistus', domain: 'administration' },
    ],
    systems: [
      { id: 'dynasty-oulu', name: 'Dynasty (Oulu)', class: 'TORI', product: 'Dynasty', lifecycle: 'production' },
      {
        id: 'dynasty-rovaniemi',
        name: 'Dynasty (Rovaniemi)',
        class: 'TORI',
        product: 'Dynasty',
        lifecycle: 'production',
      },
    ],
    relations: [
      { type: 'memberOf', from: 'oulu', to: 'pop' },
      { type: 'memberOf', from: 'raahe', to: 'pop' },
      { type: 'memberOf', from: 'pop-council', to: 'pop' },
      { type: 'memberOf', from: 'rovaniemi', to: 'lappi' },
      { type: 'owns', from: 'oulu', to: 'dynasty-oulu' },
      { type: 'owns', from: 'rovaniemi', to: 'dynasty-rovaniemi' },
      { type: 'supports', from: 'dynasty-oulu', to: 'case-management' },
      { type: 'supports', from: 'dynasty-rovaniemi', to: 'case-management' },
    ],
    themes: [
      { id: 'case', name: { fi: 'Asianhallinta', en: 'Case management' } },
      { id: 'iam', name: 'Identity and access management' },
    ],
    funders: [{ id: 'erdf', name: 'ERDF' }],
    offerings: [
      {
        id: 'national-case',
        name: 'National case management',
        provider: 'vrk',
        services: ['case-management'],
        themes: ['case'],
        available: '2018-06-01',
        obligation: { from: '2019-01-01', basis: 'invented for the tests' },
      },
    ],
    projects: [
      {
        id: 'pop-it',
        name: 'POP-IT',
        portfolio: 'Digiagenda 2014–2020',
        kind: 'preparation',
        level: 'regional',
        status: 'completed',
        start: '2017-02-13',
        end: '2017-12-31',
        budget: {
          total: 20000,
          lines: [
            { year: 2017, category: 'salaries', amount: 4032 },
            { year: 2017, category: 'purchasedServices', amount: 15000 },
            { year: 2017, category: 'flatRate', amount: 968 },
          ],
        },
        funding: [
          { funder: 'erdf', share: 70 },
          { funder: 'oulu', share: 12.5 },
          { funder: 'pop-council', share: 17.5 },
        ],
        implementers: ['oulu', 'raahe', 'pop-council'],
        themes: ['case'],
      },
      {
        id: 'pop-case',
        name: 'Case management, Oulu',
        level: 'local',
        status: 'running',
        start: '2018-01-01',
        end: '2019-06-30',
        budget: {
          lines: [
            { year: 2018, category: 'purchasedServices', amount: 100000.1 },
            { year: 2019, category: 'salaries', amount: 0.2 },
          ],
        },
        funding: [
          { funder: 'oulu', amount: 60000.3 },
          { funder: 'erdf', amount: 40000 },
        ],
        implementers: ['oulu'],
        themes: ['case'],
        deliverables: { systems: ['dynasty-oulu'], services: ['case-management'], products: ['dynasty'] },
      },
      {
        id: 'lappi-case',
        name: 'Case management, Lapland',
        level: 'regional',
        status: 'planned',
        start: '2018-09-01',
        end: '2019-12-31',
        budget: { total: 50000 },
        funding: [{ funder: 'rovaniemi', share: 100 }],
        implementers: ['rovaniemi'],
        themes: ['case'],
        deliverables: { systems: ['dynasty-rovaniemi'] },
      },
      {
        id: 'national-iam',
        name: 'National identity management',
        level: 'national',
        status: 'proposed',
        start: '2018-01-01',
        implementers: ['vrk'],
        themes: ['iam'],
      },
    ],
  };
}
