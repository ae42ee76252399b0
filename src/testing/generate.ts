/**
 * The synthetic region generator: a seeded, realistic `kartta/1` document of any size from a few dozen to
 * hundreds of thousands of systems, for tests, demos and benchmarks.
 */
import { z } from 'zod';
import { OptionError } from '../errors.js';
import { optionError, optionField, optionsSchema, parseOptions } from '../options.js';
import type {
  Contract,
  Criticality,
  Integration,
  KarttaDocument,
  Lifecycle,
  Name,
  Organisation,
  OrganisationKind,
  Product,
  Relation,
  Service,
  System,
} from '../types.js';
import {
  brands,
  categories,
  hostings,
  identity,
  placeHeads,
  placeTails,
  platforms,
  productSuffixes,
  realMunicipalities,
  regionNames,
  services as serviceSpecs,
  type CategorySpec,
  type ProductSpec,
} from './catalogue.js';
import { Random, WeightedPicker } from './random.js';

/**
 * Options of {@link generateRegionModel}.
 *
 * @example
 * ```ts
 * import type { RegionModelOptions } from 'kartta/testing';
 * const options: RegionModelOptions = { seed: 42, systems: 10_000, regions: 2 };
 * ```
 *
 * @category Testing
 */
export interface RegionModelOptions {
  /** The seed: the same seed and options always give the same document. */
  readonly seed: number | string;
  /** Exactly how many systems (installations) to generate; at least the infrastructure the regions need. */
  readonly systems: number;
  /** Number of regions (wellbeing services counties); default one per 5,000 systems, between 1 and 21. */
  readonly regions?: number | undefined;
  /** Member municipalities per region; default 15 (Finland has some 300 in about 20 regions). */
  readonly municipalitiesPerRegion?: number | undefined;
  /** Integrations per system, on average; default 3. The count is `round(systems * integrationsPerSystem)`. */
  readonly integrationsPerSystem?: number | undefined;
  /** The document's name; default a Finnish and Swedish name saying it is synthetic. */
  readonly name?: Name | undefined;
}

/**
 * The error the generators throw for options they cannot honour: the {@link OptionError} every function throws
 * (code `option.invalid`, `option` the option at fault).
 *
 * @deprecated Catch {@link OptionError} (or check `error.code === 'option.invalid'`); this is the same class.
 * @example
 * ```ts
 * import { generateRegionModel, OptionError } from 'kartta/testing';
 * try {
 *   generateRegionModel({ seed: 1, systems: -5 });
 * } catch (error) {
 *   if (error instanceof OptionError) console.log(error.code, error.option); // 'option.invalid' 'systems'
 * }
 * ```
 *
 * @category Testing
 */
export const GeneratorOptionError = OptionError;
/**
 * @deprecated The same as {@link OptionError}.
 * @category Testing
 */
export type GeneratorOptionError = OptionError;

/** The seed shared by both generators: a string, or a finite number. */
export const seedField = z.custom<number | string>(
  (value) => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)),
  {
    error: 'must be a finite number or a string',
  },
);

/** A required whole number from `min` to `max`. */
export const countField = (min: number, max: number) =>
  z.custom<number>((value) => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max, {
    error: `must be a whole number from ${min} to ${max}`,
  });

const REGION_OPTIONS = optionsSchema({
  seed: seedField,
  systems: countField(1, 10_000_000),
  regions: optionField.integer(1, 10_000),
  municipalitiesPerRegion: optionField.integer(1, 1000),
  integrationsPerSystem: optionField.number(0, 100),
  name: z
    .union([z.string().min(1), z.record(z.string(), z.string())], {
      error: 'must be a name: a string or an object of language codes to strings',
    })
    .optional(),
});

type Category = CategorySpec | 'identity' | 'platform' | 'national';

interface OrgRecord {
  readonly entity: Organisation;
  readonly region: number;
  readonly weight: number;
  /** Short Finnish label for system names, and a Swedish one for bilingual organisations. */
  readonly label: string;
  readonly labelSv: string | undefined;
  readonly slug: string;
  readonly systems: number[];
  identity: number;
}

interface SystemRecord {
  readonly entity: System;
  readonly org: OrgRecord;
  readonly category: Category;
}

interface RegionRecord {
  readonly region: OrgRecord;
  readonly hospital: OrgRecord;
  readonly company: OrgRecord;
  readonly municipalities: OrgRecord[];
  readonly members: OrgRecord[];
  readonly systems: number[];
  readonly platforms: number[];
  /** Preferred catalogue product per category id: most municipalities of a region run the same product. */
  readonly preferred: Map<string, ProductSpec>;
  /** Installations of invented products per category id, one entry per installation (popular ones recur). */
  readonly localProducts: Map<string, string[]>;
  /** Systems per category id, for `replaces`. */
  readonly byCategory: Map<string, number[]>;
}

const ownerKinds: readonly OrganisationKind[] = [
  'municipality',
  'jointAuthority',
  'hospitalDistrict',
  'region',
  'company',
  'regionalCouncil',
];

/** Turns a Finnish name into an ASCII id part: `Hämeenlinna` to `hameenlinna`. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/đ/gu, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '');
}

function finnish(name: Name): string {
  return typeof name === 'string' ? name : (name.fi ?? Object.values(name)[0] ?? '');
}

function swedish(name: Name): string | undefined {
  return typeof name === 'string' ? undefined : name.sv;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** A Y-tunnus with a correct check digit (weights 7, 9, 10, 5, 8, 4, 2; remainder 1 has no check digit). */
function businessId(random: Random, used: Set<string>): string {
  const weights = [7, 9, 10, 5, 8, 4, 2];
  for (;;) {
    const digits = pad(random.int(100_000, 3_299_999), 7);
    let sum = 0;
    for (let i = 0; i < 7; i++) sum += Number(digits[i]) * (weights[i] as number);
    const remainder = sum % 11;
    if (remainder === 1) continue;
    const id = `${digits}-${remainder === 0 ? 0 : 11 - remainder}`;
    if (used.has(id)) continue;
    used.add(id);
    return id;
  }
}

function contractEnd(random: Random): string {
  const year = random.int(2019, 2028);
  const r = random.next();
  if (r < 0.5) return `${year}-12-31`;
  if (r < 0.75) return `${year}-06-30`;
  return `${year}-${pad(random.int(1, 12), 2)}-${pad(random.int(1, 28), 2)}`;
}

function criticality(random: Random, critical: number): Criticality {
  const r = random.next();
  if (r < critical) return 'critical';
  if (r < critical + 0.25) return 'high';
  if (r < critical + 0.7) return 'medium';
  return 'low';
}

function lifecycle(random: Random, newOwner: boolean): Lifecycle {
  const r = random.next();
  if (newOwner) {
    if (r < 0.15) return 'planned';
    if (r < 0.25) return 'development';
    if (r < 0.95) return 'production';
    return 'phasingOut';
  }
  if (r < 0.72) return 'production';
  if (r < 0.82) return 'phasingOut';
  if (r < 0.92) return 'retired';
  if (r < 0.96) return 'development';
  return 'planned';
}

/** Spellings people use for a product: the name mostly, sometimes an alias or a case or spacing variant. */
function productSpelling(random: Random, name: string, aliases: readonly string[]): string {
  const r = random.next();
  if (r < 0.55) return name;
  if (r < 0.8 && aliases.length > 0) return random.pick(aliases);
  if (r < 0.87) return name.toUpperCase();
  if (r < 0.94) return name.toLowerCase();
  return ` ${name.replace(/ /gu, '  ')} `;
}

/**
 * Generates a realistic synthetic region model: regions (wellbeing services counties) with their regional
 * council, hospital district, ICT company, joint authorities and member municipalities (some members through a
 * joint authority); services per domain; TORI and TOSI systems drawn from a catalogue of real product names
 * (spelt with aliases and case variants, as inventories are) and from invented local products; identity
 * management per organisation and integration platforms per region with `dependsOn` on them; integrations,
 * many through a platform (`via`); contracts, a lifecycle mix including retired systems, and `owns`, `uses`,
 * `supports`, `provides`, `memberOf` and `replaces` relations. Deterministic for a seed, and fast: 100,000
 * systems with 300,000 integrations take a few seconds.
 *
 * The result is a plain, valid `kartta/1` document; load it with `Model.load`.
 *
 * @throws {@link OptionError} (`option.invalid`) when an option is unknown or is out of range, or there are fewer systems than the
 *   regions' infrastructure needs.
 * @example
 * ```ts
 * import { Model } from 'kartta';
 * import { generateRegionModel } from 'kartta/testing';
 * const doc = generateRegionModel({ seed: 7, systems: 1_000 });
 * const model = Model.load(doc);
 * console.log(model.systems().length, model.integrations().length); // 1000 3000
 * ```
 *
 * @category Testing
 */
export function generateRegionModel(given: RegionModelOptions): KarttaDocument {
  const options = parseOptions('generateRegionModel', REGION_OPTIONS, given);
  const seed = options.seed;
  const systemCount = options.systems;
  const regionCount = options.regions ?? Math.min(21, Math.max(1, Math.round(systemCount / 5000)));
  const municipalitiesPerRegion = options.municipalitiesPerRegion ?? 15;
  const perSystem = options.integrationsPerSystem ?? 3;
  const integrationCount = Math.round(systemCount * perSystem);
  const random = new Random(seed);
  const ids = new Set<string>();
  const uniqueId = (base: string): string => {
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    return id;
  };

  // Products: the catalogue first, so that its ids are taken before any entity's.
  const catalogueSpecs: ProductSpec[] = [
    ...categories.flatMap((c) => c.products),
    ...identity.products,
    ...platforms.products,
    { id: 'kanta-palvelut', name: 'Kanta-palvelut', vendor: 'Kela', aliases: ['Kanta', 'KanTa'] },
    { id: 'suomi-fi-tunnistus', name: 'Suomi.fi-tunnistus', vendor: 'DVV', aliases: ['Suomi.fi tunnistus', 'Vetuma'] },
  ];
  const products: Product[] = catalogueSpecs.map((spec) => {
    ids.add(spec.id);
    return spec.aliases.length > 0
      ? { id: spec.id, name: spec.name, vendor: spec.vendor, aliases: [...spec.aliases] }
      : { id: spec.id, name: spec.name, vendor: spec.vendor };
  });
  const serviceList: Service[] = serviceSpecs.map((spec) => {
    ids.add(spec.id);
    const service: Service = {
      id: spec.id,
      name: typeof spec.name === 'string' ? spec.name : { ...spec.name },
      domain: spec.domain,
    };
    if (spec.code !== undefined) service.code = spec.code;
    return service;
  });

  const organisations: Organisation[] = [];
  const orgs: OrgRecord[] = [];
  const relations: Relation[] = [];
  const relationKeys = new Set<string>();
  /** Adds a relation unless it is a self-relation or already there (organisation-level relations). */
  const relate = (relation: Relation): void => {
    const key = `${relation.type} ${relation.from} ${relation.to}`;
    if (relation.from === relation.to || relationKeys.has(key)) return;
    relationKeys.add(key);
    relations.push(relation);
  };
  const businessIds = new Set<string>();
  const addOrg = (
    base: string,
    kind: OrganisationKind,
    name: Name,
    region: number,
    weight: number,
    label: string,
    extra: Partial<Organisation> = {},
  ): OrgRecord => {
    const id = uniqueId(base);
    const entity: Organisation = { id, kind, name, ...extra };
    if (kind !== 'region' && kind !== 'stateAgency') entity.businessId = businessId(random, businessIds);
    organisations.push(entity);
    const record: OrgRecord = {
      entity,
      region,
      weight,
      label,
      labelSv: swedish(name),
      slug: id,
      systems: [],
      identity: -1,
    };
    orgs.push(record);
    return record;
  };

  // Municipality names: real ones first, then invented ones from Finnish name parts, in a seeded order.
  const invented = random.shuffled(placeHeads.flatMap((head) => placeTails.map((tail) => `${head}${tail}`)));
  const municipalityNames: Name[] = [];
  const takenNames = new Set<string>();
  const totalMunicipalities = regionCount * municipalitiesPerRegion;
  for (const name of realMunicipalities) {
    if (municipalityNames.length >= totalMunicipalities) break;
    municipalityNames.push(name);
    takenNames.add(finnish(name));
  }
  for (let i = 0; municipalityNames.length < totalMunicipalities; i++) {
    const base = invented[i % invented.length] as string;
    const round = Math.floor(i / invented.length);
    const name = round === 0 ? base : `${base} ${round + 1}`;
    if (takenNames.has(name)) continue;
    takenNames.add(name);
    municipalityNames.push(name);
  }
  const municipalityOrder = random.shuffled(municipalityNames.map((_, i) => i));
  const municipalityCodes = random.shuffled(Array.from({ length: 999 }, (_, i) => pad(i + 1, 3)));

  const regions: RegionRecord[] = [];
  for (let r = 0; r < regionCount; r++) {
    const spec = regionNames[r % regionNames.length] as (typeof regionNames)[number];
    const round = Math.floor(r / regionNames.length);
    const suffix = round === 0 ? '' : ` ${round + 1}`;
    const slug = `${spec.slug}${round === 0 ? '' : `-${round + 1}`}`;
    const gen = `${spec.genitive}${suffix}`;
    const regionName: Name =
      spec.name.se === undefined
        ? { fi: `${gen} hyvinvointialue`, sv: `Välfärdsområdet ${spec.name.sv}${suffix}` }
        : {
            fi: `${gen} hyvinvointialue`,
            sv: `Välfärdsområdet ${spec.name.sv}${suffix}`,
            se: `${spec.name.se}${suffix} buresveadjinguovlu`,
          };
    const region = addOrg(slug, 'region', regionName, r, 10, spec.name.fi + suffix, {
      description: 'Hyvinvointialue: the wellbeing services county that takes over health, social and rescue services.',
    });
    const council = addOrg(
      `${slug}-liitto`,
      'regionalCouncil',
      { fi: `${gen} liitto`, sv: `Förbundet ${spec.name.sv}${suffix}` },
      r,
      0.6,
      `${gen} liitto`,
    );
    const hospital = addOrg(
      slugify(spec.district) + (round === 0 ? '' : `-${round + 1}`),
      'hospitalDistrict',
      { fi: `${gen} sairaanhoitopiiri`, sv: `Sjukvårdsdistriktet ${spec.name.sv}${suffix}` },
      r,
      12,
      spec.district + suffix,
    );
    const company = addOrg(
      `${slug}-ict`,
      'company',
      `${spec.name.fi}${suffix} ICT-palvelut Oy`,
      r,
      3,
      `${spec.name.fi}${suffix} ICT`,
    );
    relate({ type: 'memberOf', from: council.entity.id, to: region.entity.id });
    relate({ type: 'memberOf', from: hospital.entity.id, to: region.entity.id });
    relate({ type: 'memberOf', from: company.entity.id, to: region.entity.id });
    const jointCount = Math.max(1, Math.round(municipalitiesPerRegion / 6));
    const joints: OrgRecord[] = [];
    const heads = random.shuffled(placeHeads);
    for (let j = 0; j < jointCount; j++) {
      const head = heads[j % heads.length] as string;
      const joint = addOrg(
        `${slug}-ky-${j + 1}`,
        'jointAuthority',
        `${head}seudun peruspalvelukuntayhtymä`,
        r,
        4,
        `${head}seudun ky`,
      );
      relate({ type: 'memberOf', from: joint.entity.id, to: region.entity.id });
      joints.push(joint);
    }
    const municipalities: OrgRecord[] = [];
    for (let m = 0; m < municipalitiesPerRegion; m++) {
      const name = municipalityNames[municipalityOrder[r * municipalitiesPerRegion + m] as number] as Name;
      const code = municipalityCodes[(r * municipalitiesPerRegion + m) % municipalityCodes.length] as string;
      // One city per region is much larger than the rest; the others follow a heavy tail.
      const weight = m === 0 ? 25 : Math.min(15, random.pareto(1, 1.6));
      const municipality = addOrg(slugify(finnish(name)), 'municipality', name, r, weight, finnish(name), {
        municipalityCode: code,
      });
      if (random.chance(0.35))
        relate({ type: 'memberOf', from: municipality.entity.id, to: random.pick(joints).entity.id });
      else relate({ type: 'memberOf', from: municipality.entity.id, to: region.entity.id });
      relate({ type: 'memberOf', from: municipality.entity.id, to: council.entity.id });
      municipalities.push(municipality);
    }
    const preferred = new Map<string, ProductSpec>();
    for (const category of categories) preferred.set(category.id, random.pick(category.products));
    regions.push({
      region,
      hospital,
      company,
      municipalities,
      members: [region, council, hospital, company, ...joints, ...municipalities],
      systems: [],
      platforms: [],
      preferred,
      localProducts: new Map(),
      byCategory: new Map(),
    });
  }
  const kela = addOrg(
    'kela',
    'stateAgency',
    { fi: 'Kansaneläkelaitos', sv: 'Folkpensionsanstalten', en: 'Kela' },
    -1,
    0,
    'Kela',
  );
  const dvv = addOrg(
    'dvv',
    'stateAgency',
    { fi: 'Digi- ja väestötietovirasto', sv: 'Myndigheten för digitalisering och befolkningsdata' },
    -1,
    0,
    'DVV',
  );

  // Systems: infrastructure first (national services, identity management per organisation, platforms per
  // region), then applications until the count is reached.
  const systems: System[] = [];
  const records: SystemRecord[] = [];
  const installations = new Map<string, number>();
  const addSystem = (
    org: OrgRecord,
    category: Category,
    productName: string,
    productKey: string,
    spelling: string,
    cost: number,
    extra: Partial<System> = {},
  ): number => {
    const countKey = `${org.entity.id}\u0000${productKey}`;
    const nth = (installations.get(countKey) ?? 0) + 1;
    installations.set(countKey, nth);
    const ordinal = nth === 1 ? '' : ` ${nth}`;
    const id = uniqueId(`${slugify(productName)}-${org.slug}${nth === 1 ? '' : `-${nth}`}`);
    const fi = `${productName} (${org.label})${ordinal}`;
    const name: Name = org.labelSv !== undefined ? { fi, sv: `${productName} (${org.labelSv})${ordinal}` } : fi;
    const cls =
      category === 'identity'
        ? identity.class
        : category === 'platform'
          ? platforms.class
          : category === 'national'
            ? 'TOSI'
            : category.class;
    const isNew = org.entity.kind === 'region';
    const version = random.chance(0.6) ? `${random.int(2012, 2024)}.${random.int(1, 4)}` : undefined;
    const life = typeof category === 'string' ? 'production' : lifecycle(random, isNew);
    const entity: System =
      version === undefined
        ? { id, name, class: cls, product: spelling, lifecycle: life }
        : { id, name, class: cls, product: spelling, version, lifecycle: life };
    entity.criticality = criticality(random, cls === 'TOSI' ? 0.2 : 0.1);
    if (random.chance(0.6)) entity.users = Math.round(random.pareto(5, 1.3) * (org.weight + 1));
    Object.assign(entity, extra);
    if (random.chance(0.8)) entity.hosting = random.pick(hostings);
    if (random.chance(0.7)) {
      const contract: Contract = { ends: contractEnd(random), noticeMonths: random.pick([3, 6, 6, 12, 12, 24]) };
      if (random.chance(0.85))
        contract.annualCost = Math.round((cost * (0.1 + random.next() * 1.5) * Math.sqrt(org.weight + 1)) / 100) * 100;
      entity.contract = contract;
    }
    if (random.chance(0.05))
      entity.x = { cmdb: { ci: `CI-${pad(systems.length + 1, 7)}`, owner: `${org.label} tietohallinto` } };
    systems.push(entity);
    const index = records.length;
    records.push({ entity, org, category });
    org.systems.push(index);
    if (org.region >= 0) {
      const region = regions[org.region] as RegionRecord;
      region.systems.push(index);
      if (typeof category !== 'string') {
        let list = region.byCategory.get(category.id);
        if (!list) region.byCategory.set(category.id, (list = []));
        list.push(index);
      }
    }
    return index;
  };
  const catalogueInstall = (
    org: OrgRecord,
    category: Category,
    spec: ProductSpec,
    cost: number,
    extra: Partial<System> = {},
  ): number =>
    addSystem(org, category, spec.name, spec.id, productSpelling(random, spec.name, spec.aliases), cost, extra);

  const owners = orgs.filter((org) => org.region >= 0 && ownerKinds.includes(org.entity.kind));
  const infrastructure =
    2 +
    owners.length +
    regionCount * 2 +
    owners.filter((o) => o.entity.kind === 'municipality' && o.weight >= 8).length;
  if (systemCount < infrastructure) {
    throw optionError(
      'generateRegionModel',
      ['systems'],
      `${regionCount} region(s) of ${municipalitiesPerRegion} municipalities need at least ${infrastructure} systems for identity management and platforms, got ${systemCount}`,
    );
  }
  const kanta = catalogueInstall(kela, 'national', catalogueSpecs[catalogueSpecs.length - 2] as ProductSpec, 0);
  const tunnistus = catalogueInstall(dvv, 'national', catalogueSpecs[catalogueSpecs.length - 1] as ProductSpec, 0);
  for (const region of regions) {
    const identityProduct = random.pick(identity.products);
    for (const org of region.members) {
      const spec = random.chance(0.7) ? identityProduct : random.pick(identity.products);
      org.identity = catalogueInstall(org, 'identity', spec, identity.cost);
    }
    const platformOwners = [region.company, region.hospital, ...region.municipalities.filter((m) => m.weight >= 8)];
    for (const org of platformOwners) {
      const index = catalogueInstall(org, 'platform', random.pick(platforms.products), platforms.cost, {
        platform: true,
      });
      region.platforms.push(index);
      relate({ type: 'dependsOn', from: records[index]!.entity.id, to: records[org.identity]!.entity.id });
    }
  }

  const ownerPicker = new WeightedPicker(owners, (org) => org.weight);
  const categoryPickers = new Map<OrganisationKind, WeightedPicker<CategorySpec>>();
  for (const kind of ownerKinds) categoryPickers.set(kind, new WeightedPicker(categories, (c) => c.owners[kind] ?? 0));
  const localNames = new Set<string>();
  const inventProduct = (category: CategorySpec): string => {
    for (let attempt = 0; ; attempt++) {
      const name = `${random.pick(brands)} ${random.pick(category.nouns)}${random.pick(productSuffixes)}${attempt > 20 ? ` ${attempt}` : ''}`;
      if (!localNames.has(name)) {
        localNames.add(name);
        return name;
      }
    }
  };
  while (records.length < systemCount) {
    const org = ownerPicker.pick(random);
    const region = regions[org.region] as RegionRecord;
    const category = (categoryPickers.get(org.entity.kind) as WeightedPicker<CategorySpec>).pick(random);
    if (random.chance(0.45)) {
      // Invented products: a new one now and then, otherwise one already installed in the region, chosen in
      // proportion to its installations, so a few local products become common and most stay rare.
      let pool = region.localProducts.get(category.id);
      if (!pool) region.localProducts.set(category.id, (pool = []));
      const name = pool.length === 0 || random.chance(0.3) ? inventProduct(category) : random.pick(pool);
      pool.push(name);
      addSystem(org, category, name, name.toLowerCase(), productSpelling(random, name, []), category.cost / 4);
    } else {
      const spec = random.chance(0.65)
        ? (region.preferred.get(category.id) as ProductSpec)
        : random.pick(category.products);
      catalogueInstall(org, category, spec, category.cost);
    }
  }

  // Relations of systems.
  for (const region of regions) {
    for (const org of region.members) {
      const provided = new Set<string>();
      for (const index of org.systems) {
        const category = records[index]!.category;
        if (typeof category !== 'string') for (const service of category.services) provided.add(service);
      }
      for (const service of [...provided].sort()) relate({ type: 'provides', from: org.entity.id, to: service });
    }
  }
  // Every relation below touches the system at hand, so duplicates can only arise within one system's block.
  let seen: string[] = [];
  const relateOnce = (relation: Relation): void => {
    const key = `${relation.type} ${relation.from} ${relation.to}`;
    if (relation.from === relation.to || seen.includes(key)) return;
    seen.push(key);
    relations.push(relation);
  };
  records.forEach((record, index) => {
    const { entity, org, category } = record;
    seen = [];
    relateOnce({ type: 'owns', from: org.entity.id, to: entity.id });
    const serviceIds =
      category === 'identity'
        ? identity.services
        : category === 'platform'
          ? platforms.services
          : category === 'national'
            ? index === kanta
              ? ['primary-care']
              : ['e-services']
            : category.services;
    const first = random.pick(serviceIds);
    relateOnce({ type: 'supports', from: entity.id, to: first });
    if (serviceIds.length > 1 && random.chance(0.35))
      relateOnce({ type: 'supports', from: entity.id, to: random.pick(serviceIds) });
    if (org.region < 0 || entity.lifecycle === 'retired') return;
    const region = regions[org.region] as RegionRecord;
    if (random.chance(0.75)) {
      const uses: Relation = { type: 'uses', from: org.entity.id, to: entity.id };
      if (entity.users === undefined && random.chance(0.6))
        uses.users = Math.round(random.pareto(5, 1.3) * (org.weight + 1));
      relateOnce(uses);
    }
    if (org.entity.kind !== 'municipality' && typeof category !== 'string') {
      const n = random.int(1, 3);
      for (let k = 0; k < n; k++) {
        const user = random.pick(region.municipalities);
        const uses: Relation = { type: 'uses', from: user.entity.id, to: entity.id };
        if (random.chance(0.5)) uses.users = Math.round(random.pareto(5, 1.3) * (user.weight + 1));
        relateOnce(uses);
      }
    }
    if (typeof category === 'string') return;
    // Dependencies only point at identity management, platforms or earlier applications: always acyclic.
    if (random.chance(0.7)) relateOnce({ type: 'dependsOn', from: entity.id, to: records[org.identity]!.entity.id });
    else if (random.chance(0.3))
      relateOnce({ type: 'dependsOn', from: entity.id, to: records[region.region.identity]!.entity.id });
    if (random.chance(0.15))
      relateOnce({ type: 'dependsOn', from: entity.id, to: records[random.pick(region.platforms)]!.entity.id });
    if (random.chance(0.05)) {
      const earlier = random.pick(org.systems);
      if (earlier < index && typeof records[earlier]!.category !== 'string') {
        relateOnce({ type: 'dependsOn', from: entity.id, to: records[earlier]!.entity.id });
      }
    }
    if (category.services.includes('primary-care') && random.chance(0.2))
      relateOnce({ type: 'dependsOn', from: entity.id, to: records[kanta]!.entity.id });
    if (category.id === 'customer-service' && random.chance(0.3))
      relateOnce({ type: 'dependsOn', from: entity.id, to: records[tunnistus]!.entity.id });
    if ((entity.lifecycle === 'planned' || entity.lifecycle === 'development') && org.entity.kind === 'region') {
      const candidates = region.byCategory.get(category.id) ?? [];
      const n = random.int(1, 3);
      for (let k = 0; k < n && candidates.length > 0; k++) {
        const old = records[random.pick(candidates)]!;
        if (old.org === org || old.entity.lifecycle === 'retired' || old.entity.lifecycle === 'planned') continue;
        relateOnce({ type: 'replaces', from: entity.id, to: old.entity.id });
      }
    }
  });

  // Integrations: mostly within an organisation or a region, some to a platform as a hub, many through one.
  const integrations: Integration[] = [];
  const idWidth = Math.max(4, String(integrationCount).length);
  for (let i = 0; i < integrationCount; i++) {
    const sourceIndex = random.int(0, records.length - 1);
    const source = records[sourceIndex] as SystemRecord;
    const region =
      source.org.region >= 0
        ? (regions[source.org.region] as RegionRecord)
        : (regions[random.int(0, regions.length - 1)] as RegionRecord);
    const r = random.next();
    let targetIndex: number;
    let hub = false;
    if (r < 0.15) {
      targetIndex = random.pick(region.platforms);
      hub = true;
    } else if (r < 0.45 && source.org.systems.length > 1) targetIndex = random.pick(source.org.systems);
    else if (r < 0.92) targetIndex = random.pick(region.systems);
    else targetIndex = random.int(0, records.length - 1);
    if (targetIndex === sourceIndex) targetIndex = (sourceIndex + 1) % records.length;
    const target = records[targetIndex] as SystemRecord;
    const category =
      typeof source.category === 'string'
        ? typeof target.category === 'string'
          ? null
          : target.category
        : source.category;
    const integration: Integration = {
      id: `i-${pad(i + 1, idWidth)}`,
      source: source.entity.id,
      target: target.entity.id,
      direction: random.chance(0.3) ? 'twoWay' : 'oneWay',
    };
    integration.data = category
      ? random.pick(category.data)
      : random.pick(['käyttäjätiedot', 'käyttöoikeudet', 'lokitiedot']);
    integration.protocol = category ? random.pick(category.protocols) : random.pick(['LDAP', 'SCIM', 'REST']);
    const m = random.next();
    integration.mode = m < 0.55 ? 'realtime' : m < 0.95 ? 'batch' : 'manual';
    if (!hub && random.chance(0.45)) {
      const via = random.pick(region.platforms);
      if (via !== sourceIndex && via !== targetIndex) integration.via = records[via]!.entity.id;
    }
    if (random.chance(0.8)) integration.criticality = criticality(random, 0.1);
    integrations.push(integration);
  }

  return {
    format: 'kartta/1',
    name: options.name ?? {
      fi: 'Synteettinen Suomi',
      sv: 'Syntetiska Finland',
      en: `Synthetic Finland (seed ${String(seed)})`,
    },
    description: `Synthetic model generated by kartta/testing: ${regionCount} region(s), ${totalMunicipalities} municipalities, ${systemCount} systems, ${integrationCount} integrations. Not real data.`,
    products,
    organisations,
    services: serviceList,
    systems,
    integrations,
    relations,
  };
}
