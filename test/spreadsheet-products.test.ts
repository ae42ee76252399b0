import { describe, expect, it } from 'vitest';
import { harmonisationCandidates } from '../src/index.js';
import { readInventory } from '../src/spreadsheet/index.js';

const HEAD = 'Järjestelmä;Omistaja;Luokka;Elinkaaren vaihe;Tuote;Toimittaja';
const rows = [
  'Potilastiedot;Oulu;TOSI;käytössä;Lifecare;Tietoevry',
  'Lifecare;Kempele;TOSI;käytössä;LifeCare 4.x;',
  'PTJ;Liminka;TOSI;käytössä;Tieto Lifecare;',
  'Lifecare;Muhos;TOSI;käytössä;lifecare (Tieto);',
  'Effica;Tyrnävä;TOSI;käytössä;Effica 2017.1;',
  'Effica;Ii;TOSI;käytössä;EFFICA;',
  'Pegasos;Kemi;TOSI;käytössä;Pegasos;',
  'Oberon;Tornio;TOSI;käytössä;Pegasos Oberon;',
];

function read(options = {}, extra: { file: string; data: string }[] = []) {
  return readInventory([{ file: 'j.csv', data: `${HEAD}\n${rows.join('\n')}\n` }, ...extra], options);
}

describe('product clustering across spellings', () => {
  it('recognises one product across case, spacing, punctuation, version suffixes and vendor names, and says why', () => {
    const { products, document } = read();
    const lifecare = products.find((p) => p.name === 'Lifecare');
    expect(lifecare).toMatchObject({ id: 'lifecare', vendor: 'Tietoevry', source: 'proposed' });
    expect(lifecare?.spellings.map((s) => [s.spelling, s.rule])).toEqual([
      ['LifeCare 4.x', 'version-suffix'],
      ['Lifecare', 'same'],
      ['Tieto Lifecare', 'vendor-name'],
      ['lifecare (Tieto)', 'vendor-name'],
    ]);
    const effica = products.find((p) => p.name === 'Effica');
    expect(effica?.spellings.map((s) => s.spelling).sort()).toEqual(['EFFICA', 'Effica 2017.1']);
    // The catalogue the model gets: the product with the spellings its own normalisation would not match.
    expect(document.products.find((p) => p.id === 'lifecare')).toEqual({
      id: 'lifecare',
      name: 'Lifecare',
      vendor: 'Tietoevry',
      aliases: ['LifeCare 4.x', 'Tieto Lifecare', 'lifecare (Tieto)'],
    });
    // Pegasos and Pegasos Oberon are different words, so they are not merged.
    expect(products.filter((p) => p.name.startsWith('Pegasos'))).toEqual([]);
  });

  it('makes harmonisation see the installations of one product', () => {
    const { model } = read();
    const sameProduct = harmonisationCandidates(model).filter((c) => c.kind === 'sameProduct');
    expect(sameProduct.map((c) => [...c.systems].sort())).toContainEqual([
      'kempele-lifecare',
      'liminka-ptj',
      'muhos-lifecare',
      'oulu-potilastiedot',
    ]);
  });

  it('uses catalogue aliases from a Products sheet and keeps the catalogue entry as given', () => {
    const catalogue = {
      file: 'tuotteet.csv',
      data: 'Tuote;Toimittaja;Muut kirjoitusasut;Tunnus\nPegasos;CGI;Pegasos Oberon;pegasos-cgi\n',
    };
    const { document, products } = read({}, [catalogue]);
    expect(document.products.find((p) => p.id === 'pegasos-cgi')).toEqual({
      id: 'pegasos-cgi',
      name: 'Pegasos',
      vendor: 'CGI',
      aliases: ['Pegasos Oberon'],
    });
    expect(products.find((p) => p.id === 'pegasos-cgi')?.spellings.map((s) => [s.spelling, s.rule])).toEqual([
      ['Pegasos', 'catalogue'],
      ['Pegasos Oberon', 'catalogue'],
    ]);
  });

  it('never merges what the user separated in the mapping file, and follows confirmed products', () => {
    const separated = read({ mapping: { distinctProducts: [['Lifecare', 'Tieto Lifecare']] } });
    const ids = (spelling: string) =>
      separated.products.filter((p) => p.spellings.some((s) => s.spelling === spelling)).map((p) => p.id);
    expect(ids('Lifecare')).toHaveLength(1);
    expect(ids('Tieto Lifecare')).toHaveLength(1);
    expect(ids('Lifecare')).not.toEqual(ids('Tieto Lifecare'));
    const confirmed = read({
      mapping: { products: [{ id: 'pegasos', name: 'Pegasos', vendor: 'CGI', aliases: ['Pegasos Oberon'] }] },
    });
    expect(confirmed.products.find((p) => p.id === 'pegasos')).toMatchObject({
      source: 'mapping',
      spellings: [{ spelling: 'Pegasos' }, { spelling: 'Pegasos Oberon' }],
    });
  });

  it('can report clusters without applying them', () => {
    const { document, products } = read({ clustering: false });
    expect(document.products).toEqual([]);
    expect(products.map((p) => p.name).sort()).toEqual(['Effica', 'Lifecare']);
  });
});
