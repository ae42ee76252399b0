/** Small hand-made documents for the core tests. */
import type { KarttaDocumentInput } from '../src/index.js';

/** A region of two municipalities (one through a joint authority), an outsider, and five systems. */
export function smallRegion(): KarttaDocumentInput {
  return {
    format: 'kartta/1',
    name: { fi: 'Pohjois-Pohjanmaa', sv: 'Norra Österbotten' },
    products: [{ id: 'lifecare', name: 'Lifecare', vendor: 'Tietoevry', aliases: ['Tieto Lifecare', 'LifeCare'] }],
    organisations: [
      { id: 'pop', kind: 'region', name: { fi: 'Pohjois-Pohjanmaa', sv: 'Norra Österbotten' } },
      { id: 'oulu', kind: 'municipality', name: 'Oulu', municipalityCode: '564', businessId: '0187690-1' },
      { id: 'ja', kind: 'jointAuthority', name: 'Selänne' },
      { id: 'pyhajarvi', kind: 'municipality', name: 'Pyhäjärvi', municipalityCode: '626' },
      { id: 'kajaani', kind: 'municipality', name: 'Kajaani', municipalityCode: '205' },
    ],
    services: [{ id: 'primary-care', name: 'Perusterveydenhuolto', domain: 'health' }],
    systems: [
      {
        id: 'lifecare-oulu',
        name: 'Lifecare (Oulu)',
        class: 'TOSI',
        product: 'Tieto Lifecare',
        lifecycle: 'production',
        users: 2400,
        contract: { ends: '2020-12-31', noticeMonths: 12, annualCost: 850000 },
      },
      { id: 'lifecare-ja', name: 'Lifecare (Selänne)', class: 'TOSI', product: 'LIFECARE', lifecycle: 'production' },
      {
        id: 'lifecare-kajaani',
        name: 'Lifecare (Kajaani)',
        class: 'TOSI',
        product: 'lifecare',
        lifecycle: 'production',
      },
      { id: 'old-ppj', name: 'Vanha', class: 'TOSI', lifecycle: 'retired' },
      {
        id: 'pop-esb',
        name: 'ESB',
        class: 'TORI',
        lifecycle: 'production',
        platform: true,
        x: { cmdb: { ci: 'CI-1' } },
      },
    ],
    integrations: [
      {
        id: 'i-1',
        source: 'lifecare-oulu',
        target: 'lifecare-ja',
        direction: 'twoWay',
        protocol: 'HL7 v2',
        via: 'pop-esb',
      },
    ],
    relations: [
      { type: 'memberOf', from: 'oulu', to: 'pop' },
      { type: 'memberOf', from: 'ja', to: 'pop' },
      { type: 'memberOf', from: 'pyhajarvi', to: 'ja' },
      { type: 'owns', from: 'oulu', to: 'lifecare-oulu' },
      { type: 'owns', from: 'ja', to: 'lifecare-ja' },
      { type: 'uses', from: 'pyhajarvi', to: 'lifecare-ja', users: 300 },
      { type: 'owns', from: 'kajaani', to: 'lifecare-kajaani' },
      { type: 'owns', from: 'oulu', to: 'old-ppj' },
      { type: 'owns', from: 'pop', to: 'pop-esb' },
      { type: 'supports', from: 'lifecare-oulu', to: 'primary-care' },
    ],
  };
}
