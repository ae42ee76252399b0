/** fast-check arbitraries of valid kartta/1 documents, shared by the property tests. */
import fc from 'fast-check';
import type { KarttaDocumentInput, Name } from '../src/index.js';

const letters = 'abcdefghijklmnopqrstuvwxyzäöåšžčđŋŧ';
const nameText = fc
  .array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÅabcdefghijklmnopqrstuvwxyzäöåčšžŋđŧ -'.split('')), {
    minLength: 1,
    maxLength: 12,
  })
  .map((chars) => chars.join('').trim() || 'Nimi');

/** Names: plain or multilingual (Finnish, Swedish, Northern Sámi, English). */
export const nameArb: fc.Arbitrary<Name> = fc.oneof(
  nameText,
  fc
    .record({ fi: nameText, sv: nameText, se: nameText, en: nameText }, { requiredKeys: ['fi'] })
    .map((name) => name as Name),
);

const dateArb = fc
  .record({
    year: fc.integer({ min: 2015, max: 2030 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);

const suffixArb = fc
  .array(fc.constantFrom(...letters.split('')), { minLength: 1, maxLength: 4 })
  .map((c) => c.join(''));

/**
 * A valid document with up to `max` entities of each kind and random references between them. Ids get a kind
 * prefix and an index so they stay unique; every reference names an entity of the right kind.
 */
export function documentArb(max = 6): fc.Arbitrary<KarttaDocumentInput> {
  return fc
    .record({
      name: nameArb,
      organisations: fc.array(
        fc.record({
          suffix: suffixArb,
          name: nameArb,
          kind: fc.constantFrom(
            'region',
            'municipality',
            'jointAuthority',
            'hospitalDistrict',
            'company',
          ) as fc.Arbitrary<'region'>,
        }),
        { maxLength: max },
      ),
      services: fc.array(
        fc.record({
          suffix: suffixArb,
          name: nameArb,
          domain: fc.constantFrom('health', 'socialCare', 'administration'),
        }),
        { maxLength: max },
      ),
      systems: fc.array(
        fc.record({
          suffix: suffixArb,
          name: nameArb,
          class: fc.constantFrom('TORI', 'TOSI') as fc.Arbitrary<'TORI'>,
          product: fc.option(fc.constantFrom('Lifecare', 'Esko', 'Pro Consona', 'Dynasty', 'tieto  lifecare'), {
            nil: undefined,
          }),
          lifecycle: fc.constantFrom('planned', 'production', 'phasingOut', 'retired') as fc.Arbitrary<'production'>,
          users: fc.option(fc.nat(5000), { nil: undefined }),
          platform: fc.option(fc.boolean(), { nil: undefined }),
          ends: fc.option(dateArb, { nil: undefined }),
          cost: fc.option(fc.nat(1_000_000), { nil: undefined }),
        }),
        { maxLength: max },
      ),
      links: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: max * 3 }),
      relationPicks: fc.array(
        fc.tuple(
          fc.constantFrom('memberOf', 'provides', 'owns', 'uses', 'supports', 'dependsOn', 'replaces'),
          fc.nat(),
          fc.nat(),
        ),
        { maxLength: max * 3 },
      ),
      withX: fc.boolean(),
    })
    .map((raw) => {
      const organisations = raw.organisations.map((o, i) => ({
        id: `org-${i}-${o.suffix}`,
        kind: o.kind,
        name: o.name,
      }));
      const services = raw.services.map((s, i) => ({ id: `svc-${i}-${s.suffix}`, name: s.name, domain: s.domain }));
      const systems = raw.systems.map((s, i) => {
        const system: Record<string, unknown> = {
          id: `sys-${i}-${s.suffix}`,
          name: s.name,
          class: s.class,
          lifecycle: s.lifecycle,
        };
        if (s.product !== undefined) system.product = s.product;
        if (s.users !== undefined) system.users = s.users;
        if (s.platform !== undefined) system.platform = s.platform;
        if (s.ends !== undefined || s.cost !== undefined) {
          system.contract = {
            ...(s.ends !== undefined ? { ends: s.ends } : {}),
            ...(s.cost !== undefined ? { annualCost: s.cost } : {}),
          };
        }
        return system;
      });
      const platforms = systems.filter((s) => s.platform === true).map((s) => s.id as string);
      const integrations =
        systems.length === 0
          ? []
          : raw.links.map(([a, b, c], i) => {
              const integration: Record<string, unknown> = {
                id: `int-${i}`,
                source: systems[a % systems.length]!.id,
                target: systems[b % systems.length]!.id,
                direction: c % 2 === 0 ? 'oneWay' : 'twoWay',
              };
              if (platforms.length > 0 && c % 3 === 0) integration.via = platforms[c % platforms.length];
              return integration;
            });
      const pools: Record<string, readonly Record<string, unknown>[]> = {
        organisation: organisations,
        service: services,
        system: systems,
      };
      const ends: Record<string, [string, string]> = {
        memberOf: ['organisation', 'organisation'],
        provides: ['organisation', 'service'],
        owns: ['organisation', 'system'],
        uses: ['organisation', 'system'],
        supports: ['system', 'service'],
        dependsOn: ['system', 'system'],
        replaces: ['system', 'system'],
      };
      const seen = new Set<string>();
      const relations: Record<string, unknown>[] = [];
      for (const [type, a, b] of raw.relationPicks) {
        const [fromKind, toKind] = ends[type]!;
        const fromPool = pools[fromKind]!;
        const toPool = pools[toKind]!;
        if (fromPool.length === 0 || toPool.length === 0) continue;
        const from = fromPool[a % fromPool.length]!.id as string;
        const to = toPool[b % toPool.length]!.id as string;
        const key = `${type} ${from} ${to}`;
        if (from === to || seen.has(key)) continue;
        seen.add(key);
        relations.push({ type, from, to });
      }
      const doc: Record<string, unknown> = {
        format: 'kartta/1',
        name: raw.name,
        organisations,
        services,
        systems,
        integrations,
        relations,
      };
      if (raw.withX) doc.x = { tool: { version: 1, tags: ['a', 'ä'] } };
      return doc as unknown as KarttaDocumentInput;
    });
}

/** Shuffles every collection of a document (and the keys of each entity) with the given permutation seed. */
export function shuffled(doc: KarttaDocumentInput, seed: number): KarttaDocumentInput {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const shuffle = <T>(items: readonly T[] | undefined): T[] | undefined => {
    if (!items) return items;
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out.map((item) => reorderKeys(item));
  };
  const reorderKeys = <T>(item: T): T => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const keys = Object.keys(item).reverse();
    return Object.fromEntries(keys.map((k) => [k, (item as Record<string, unknown>)[k]])) as T;
  };
  const copy = reorderKeys({ ...doc });
  return {
    ...copy,
    products: shuffle(doc.products),
    organisations: shuffle(doc.organisations),
    services: shuffle(doc.services),
    systems: shuffle(doc.systems),
    integrations: shuffle(doc.integrations),
    relations: shuffle(doc.relations),
  };
}
