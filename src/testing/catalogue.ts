/**
 * The vocabulary of the synthetic regions: services, product categories with real-world product names (and the
 * aliases people actually type), and Finnish, Swedish and Sámi place names. Plausible, not authoritative: vendors
 * and names are there to look familiar to an architect, not to describe any real installation.
 */
import type { Name, OrganisationKind, SystemClass } from '../types.js';

export interface ServiceSpec {
  readonly id: string;
  readonly name: Name;
  readonly domain: string;
  readonly code?: string;
}

export const services: readonly ServiceSpec[] = [
  {
    id: 'primary-care',
    name: { fi: 'Perusterveydenhuolto', sv: 'Primärvård', en: 'Primary health care' },
    domain: 'health',
    code: 'JHS 200: 05 01',
  },
  {
    id: 'specialised-care',
    name: { fi: 'Erikoissairaanhoito', sv: 'Specialiserad sjukvård' },
    domain: 'health',
    code: 'JHS 200: 05 02',
  },
  { id: 'dental-care', name: { fi: 'Suun terveydenhuolto', sv: 'Mun- och tandvård' }, domain: 'health' },
  { id: 'mental-health', name: { fi: 'Mielenterveys- ja päihdepalvelut' }, domain: 'health' },
  { id: 'lab-services', name: { fi: 'Laboratoriopalvelut', en: 'Laboratory services' }, domain: 'health' },
  { id: 'imaging', name: { fi: 'Kuvantaminen', en: 'Medical imaging' }, domain: 'health' },
  { id: 'emergency-care', name: { fi: 'Ensihoito', sv: 'Prehospital akutsjukvård' }, domain: 'health' },
  { id: 'home-care', name: { fi: 'Kotihoito', sv: 'Hemvård' }, domain: 'socialCare' },
  { id: 'elderly-care', name: { fi: 'Ikääntyneiden palvelut', sv: 'Äldreomsorg' }, domain: 'socialCare' },
  { id: 'child-welfare', name: { fi: 'Lastensuojelu', sv: 'Barnskydd' }, domain: 'socialCare', code: 'JHS 200: 05 05' },
  { id: 'social-work', name: { fi: 'Aikuissosiaalityö' }, domain: 'socialCare' },
  { id: 'disability-services', name: { fi: 'Vammaispalvelut', sv: 'Handikappservice' }, domain: 'socialCare' },
  { id: 'rescue-services', name: { fi: 'Pelastustoimi', sv: 'Räddningsväsendet' }, domain: 'rescue' },
  {
    id: 'basic-education',
    name: { fi: 'Perusopetus', sv: 'Grundläggande utbildning' },
    domain: 'education',
    code: 'JHS 200: 06 01',
  },
  { id: 'upper-secondary', name: { fi: 'Lukiokoulutus', sv: 'Gymnasieutbildning' }, domain: 'education' },
  { id: 'early-childhood', name: { fi: 'Varhaiskasvatus', sv: 'Småbarnspedagogik' }, domain: 'education' },
  { id: 'libraries', name: { fi: 'Kirjastopalvelut', sv: 'Bibliotekstjänster' }, domain: 'culture' },
  { id: 'sports', name: { fi: 'Liikunta- ja tilapalvelut' }, domain: 'culture' },
  { id: 'building-control', name: { fi: 'Rakennusvalvonta', sv: 'Byggnadstillsyn' }, domain: 'technical' },
  { id: 'land-use', name: { fi: 'Kaavoitus ja maankäyttö' }, domain: 'technical' },
  { id: 'environmental-health', name: { fi: 'Ympäristöterveydenhuolto' }, domain: 'environment' },
  { id: 'finance', name: { fi: 'Taloushallinto', sv: 'Ekonomiförvaltning' }, domain: 'administration' },
  { id: 'procurement', name: { fi: 'Hankinnat', sv: 'Upphandling' }, domain: 'administration' },
  { id: 'payroll-hr', name: { fi: 'Palkanlaskenta ja henkilöstöhallinto' }, domain: 'administration' },
  {
    id: 'case-management',
    name: { fi: 'Asian- ja dokumentinhallinta', sv: 'Ärende- och dokumenthantering' },
    domain: 'administration',
  },
  { id: 'archiving', name: { fi: 'Arkistointi', sv: 'Arkivering' }, domain: 'administration' },
  { id: 'customer-service', name: { fi: 'Asiakaspalvelu ja neuvonta' }, domain: 'administration' },
  { id: 'e-services', name: { fi: 'Sähköinen asiointi', sv: 'E-tjänster' }, domain: 'administration' },
  { id: 'identity-management', name: { fi: 'Käyttäjä- ja pääsynhallinta' }, domain: 'technical' },
  { id: 'integration-services', name: { fi: 'Integraatiopalvelut' }, domain: 'technical' },
];

/** Who typically owns installations of a category, with a relative weight. */
export type OwnerWeights = Partial<Record<OrganisationKind, number>>;

export interface ProductSpec {
  readonly id: string;
  readonly name: string;
  readonly vendor: string;
  readonly aliases: readonly string[];
}

export interface CategorySpec {
  readonly id: string;
  readonly class: SystemClass;
  /** Services an installation supports (one or two of these). */
  readonly services: readonly string[];
  readonly owners: OwnerWeights;
  /** Catalogue products of this category. */
  readonly products: readonly ProductSpec[];
  /** Nouns for invented, off-catalogue products of this category. */
  readonly nouns: readonly string[];
  /** Integration protocols, most likely first. */
  readonly protocols: readonly string[];
  /** What moves in this category's integrations. */
  readonly data: readonly string[];
  /** Typical yearly cost in euros of one installation. */
  readonly cost: number;
}

const p = (id: string, name: string, vendor: string, ...aliases: string[]): ProductSpec => ({
  id,
  name,
  vendor,
  aliases,
});

const healthProtocols = ['HL7 v2', 'HL7 v2', 'FHIR', 'REST', 'SOAP', 'file'];
const adminProtocols = ['REST', 'SOAP', 'file', 'file', 'database link', 'SFTP'];

/** Application categories; identity management and integration platforms are infrastructure, below. */
export const categories: readonly CategorySpec[] = [
  {
    id: 'patient-record',
    class: 'TOSI',
    services: ['primary-care', 'dental-care', 'mental-health', 'specialised-care'],
    owners: { municipality: 3, jointAuthority: 4, hospitalDistrict: 3, region: 2 },
    products: [
      p('lifecare', 'Lifecare', 'Tietoevry', 'Tieto Lifecare', 'LifeCare'),
      p('esko', 'Esko', 'Esko Systems', 'Esko EPR', 'Esko-potilastietojärjestelmä'),
      p('pegasos', 'Pegasos', 'CGI', 'CGI Pegasos', 'Logica Pegasos'),
      p('effica', 'Effica', 'Tietoevry', 'Tieto Effica', 'Effica YTH'),
      p('apotti', 'Apotti', 'Epic', 'Epic Apotti'),
      p('uranus', 'Uranus', 'CGI', 'CGI Uranus'),
      p('mediatri', 'Mediatri', 'Mediconsult'),
    ],
    nouns: ['Potilaskertomus', 'Hoitokertomus', 'Ajanvaraus', 'Päivystys', 'Neuvola'],
    protocols: healthProtocols,
    data: [
      'lähetteet ja palautteet',
      'potilaskertomukset',
      'ajanvaraukset',
      'hoitojaksot',
      'reseptit',
      'Kanta-arkistointi',
    ],
    cost: 400_000,
  },
  {
    id: 'specialised',
    class: 'TOSI',
    services: ['specialised-care', 'emergency-care'],
    owners: { hospitalDistrict: 6, region: 2 },
    products: [
      p('clinisoft', 'Clinisoft', 'GE Healthcare', 'Centricity Clinisoft'),
      p('opera', 'Opera', 'Tietoevry', 'Tieto Opera'),
      p('oberon', 'Oberon', 'Mediconsult', 'Oberon ajanvaraus'),
      p('merlot', 'Merlot Medi', 'Mediconsult', 'Merlot', 'MerlotMedi'),
    ],
    nouns: ['Tehohoito', 'Leikkaussali', 'Synnytys', 'Dialyysi', 'Sädehoito'],
    protocols: healthProtocols,
    data: ['leikkaustiedot', 'tehohoidon mittaukset', 'ensihoitokertomukset', 'lähetteet ja palautteet'],
    cost: 250_000,
  },
  {
    id: 'lab-imaging',
    class: 'TOSI',
    services: ['lab-services', 'imaging'],
    owners: { hospitalDistrict: 6, region: 1, jointAuthority: 1 },
    products: [
      p('multilab', 'Multilab', 'CGI', 'CGI Multilab'),
      p('sectra-pacs', 'Sectra PACS', 'Sectra', 'Sectra IDS7', 'IDS7'),
      p('carestream', 'Carestream PACS', 'Philips', 'Vue PACS'),
      p('weblab', 'WebLab', 'Fujitsu', 'Weblab Online'),
    ],
    nouns: ['Laboratorio', 'Kuvantaminen', 'Röntgen', 'Näytteenotto'],
    protocols: ['HL7 v2', 'DICOM', 'FHIR', 'file'],
    data: ['laboratoriotulokset', 'tutkimuspyynnöt', 'kuvantamislausunnot', 'DICOM-kuvat'],
    cost: 180_000,
  },
  {
    id: 'social-record',
    class: 'TOSI',
    services: ['child-welfare', 'social-work', 'disability-services', 'elderly-care'],
    owners: { municipality: 4, jointAuthority: 3, region: 2 },
    products: [
      p('pro-consona', 'Pro Consona', 'CGI', 'ProConsona', 'CGI Pro Consona'),
      p('effica-sos', 'Effica Sosiaalihuolto', 'Tietoevry', 'Effica SOS'),
      p('lifecare-sos', 'Lifecare Sosiaalihuolto', 'Tietoevry', 'Lifecare SOS'),
      p('abilita', 'Abilita Sosiaalihuolto', 'Abilita', 'Abilita'),
    ],
    nouns: ['Asiakastieto', 'Sosiaalityö', 'Vammaispalvelu', 'Perhetyö'],
    protocols: ['REST', 'SOAP', 'file', 'FHIR'],
    data: ['asiakastiedot', 'päätökset', 'palvelusuunnitelmat', 'laskutustiedot'],
    cost: 160_000,
  },
  {
    id: 'home-care',
    class: 'TOSI',
    services: ['home-care', 'elderly-care'],
    owners: { municipality: 4, jointAuthority: 2, region: 1 },
    products: [
      p('domacare', 'DomaCare', 'Invian', 'Doma Care'),
      p('hilkka', 'Hilkka', 'CGI', 'CGI Hilkka'),
      p('nursebuddy', 'Nurse Buddy', 'Nursebuddy', 'Nursebuddy'),
      p('raisoft', 'RAI-soft', 'Raisoft', 'RAIsoft', 'RAI soft'),
    ],
    nouns: ['Kotihoito', 'Toiminnanohjaus', 'Turvapuhelin', 'Asumispalvelu'],
    protocols: ['REST', 'file', 'SOAP'],
    data: ['käyntitiedot', 'työvuorot', 'hoitosuunnitelmat', 'RAI-arvioinnit'],
    cost: 60_000,
  },
  {
    id: 'rescue',
    class: 'TOSI',
    services: ['rescue-services', 'emergency-care'],
    owners: { region: 5, municipality: 1 },
    products: [
      p('pronto', 'Pronto', 'Pelastusopisto', 'PRONTO-resurssi'),
      p('kejo', 'KEJO', 'Erillisverkot', 'Kenttäjohtojärjestelmä'),
      p('merlot-pelastus', 'Merlot Pelastus', 'Mediconsult'),
    ],
    nouns: ['Hälytys', 'Valvonta', 'Palotarkastus', 'Kalusto'],
    protocols: ['REST', 'SOAP', 'file'],
    data: ['onnettomuustiedot', 'valvontakäynnit', 'hälytystiedot'],
    cost: 90_000,
  },
  {
    id: 'school',
    class: 'TOSI',
    services: ['basic-education', 'upper-secondary'],
    owners: { municipality: 8, jointAuthority: 1 },
    products: [
      p('primus', 'Primus', 'Visma', 'Visma Primus', 'StarSoft Primus'),
      p('wilma', 'Wilma', 'Visma', 'Visma Wilma'),
      p('kurre', 'Kurre', 'Eduix', 'Eduix Kurre'),
      p('helmi', 'Helmi', 'Helmi Kerhot'),
    ],
    nouns: ['Oppilashallinto', 'Koulukuljetus', 'Oppimisalusta', 'Lukujärjestys'],
    protocols: ['REST', 'file', 'SOAP', 'database link'],
    data: ['oppilastiedot', 'arvosanat', 'poissaolot', 'opettajatiedot'],
    cost: 45_000,
  },
  {
    id: 'early-childhood',
    class: 'TOSI',
    services: ['early-childhood'],
    owners: { municipality: 6 },
    products: [
      p('daisy', 'DaisyFamily', 'Daisy Solutions', 'Daisy', 'Daisy Family'),
      p('edlevo', 'Edlevo', 'Visma', 'Visma Edlevo', 'Effica Varhaiskasvatus'),
      p('hellewi', 'Hellewi', 'Hellewi Oy'),
    ],
    nouns: ['Päivähoito', 'Varhaiskasvatus', 'Läsnäolo'],
    protocols: ['REST', 'file', 'SOAP'],
    data: ['hoitoajat', 'varhaiskasvatuspäätökset', 'asiakasmaksut'],
    cost: 40_000,
  },
  {
    id: 'library-culture',
    class: 'TOSI',
    services: ['libraries', 'sports'],
    owners: { municipality: 4 },
    products: [
      p('koha', 'Koha', 'Koha-Suomi', 'Koha ILS'),
      p('aurora', 'Aurora', 'Axiell', 'Axiell Aurora'),
      p('timmi', 'Timmi', 'Timmi Software', 'Timmi Tilavaraus'),
    ],
    nouns: ['Kirjasto', 'Tilavaraus', 'Kulttuuri', 'Liikuntapaikka', 'Museo'],
    protocols: ['REST', 'file', 'SIP2'],
    data: ['lainaustiedot', 'asiakastiedot', 'tilavaraukset'],
    cost: 25_000,
  },
  {
    id: 'technical',
    class: 'TOSI',
    services: ['building-control', 'land-use', 'environmental-health'],
    owners: { municipality: 5, jointAuthority: 1 },
    products: [
      p('lupapiste', 'Lupapiste', 'Evolta', 'Lupapiste.fi'),
      p('facta', 'Facta', 'CGI', 'CGI Facta', 'Facta-rekisteri'),
      p('trimble-locus', 'Trimble Locus', 'Trimble', 'Locus'),
      p('yhti', 'YHTI', 'Ruokavirasto'),
    ],
    nouns: ['Rakennusrekisteri', 'Karttapalvelu', 'Kiinteistö', 'Ympäristölupa', 'Katu'],
    protocols: ['REST', 'file', 'WFS', 'database link'],
    data: ['rakennusluvat', 'kiinteistötiedot', 'paikkatiedot', 'valvontatiedot'],
    cost: 35_000,
  },
  {
    id: 'finance',
    class: 'TORI',
    services: ['finance', 'procurement'],
    owners: { municipality: 4, jointAuthority: 2, hospitalDistrict: 2, region: 2, company: 1, regionalCouncil: 1 },
    products: [
      p('raindance', 'Raindance', 'CGI', 'CGI Raindance'),
      p('basware', 'Basware', 'Basware', 'Basware P2P', 'Basware Alusta'),
      p('sap', 'SAP S/4HANA', 'SAP', 'SAP', 'SAP ERP'),
      p('proe', 'ProE', 'Visma', 'Visma ProE'),
      p('oracle-erp', 'Oracle ERP Cloud', 'Oracle', 'Oracle ERP'),
    ],
    nouns: ['Laskutus', 'Reskontra', 'Budjetointi', 'Hankinta', 'Kassa'],
    protocols: adminProtocols,
    data: ['ostolaskut', 'myyntilaskut', 'kirjanpitoviennit', 'tilaukset'],
    cost: 120_000,
  },
  {
    id: 'payroll-hr',
    class: 'TORI',
    services: ['payroll-hr'],
    owners: { municipality: 4, jointAuthority: 2, hospitalDistrict: 2, region: 2, company: 1, regionalCouncil: 1 },
    products: [
      p('personec-f', 'Personec F', 'Visma', 'Visma Personec', 'Personec'),
      p('mepco', 'Mepco', 'Mepco Oy', 'Mepco HRM'),
      p('populus', 'Populus', 'Sarastia', 'Sarastia Populus'),
      p('titania', 'Titania', 'CGI', 'CGI Titania'),
      p('sympa', 'Sympa HR', 'Sympa', 'Sympa'),
    ],
    nouns: ['Työvuoro', 'Palkka', 'Rekrytointi', 'Osaaminen', 'Matkahallinto'],
    protocols: adminProtocols,
    data: ['henkilöstötiedot', 'palkkatapahtumat', 'työvuorot', 'poissaolot'],
    cost: 100_000,
  },
  {
    id: 'case-archive',
    class: 'TORI',
    services: ['case-management', 'archiving'],
    owners: { municipality: 4, jointAuthority: 2, hospitalDistrict: 2, region: 2, regionalCouncil: 1 },
    products: [
      p('dynasty', 'Dynasty 10', 'Innofactor', 'Dynasty', 'Innofactor Dynasty'),
      p('tweb', 'Tweb', 'Triplan', 'Triplan Tweb'),
      p('case-m', 'Case M', 'Evolta', 'CaseM'),
      p('sahke-arkisto', 'Sähke2-arkisto', 'Disec', 'SÄHKE2', 'Disec Arkisto'),
    ],
    nouns: ['Diaari', 'Asiakirjahallinta', 'Päätöksenteko', 'Arkisto', 'Sopimushallinta'],
    protocols: adminProtocols,
    data: ['asiakirjat', 'päätökset', 'metatiedot', 'arkistopaketit'],
    cost: 70_000,
  },
  {
    id: 'customer-service',
    class: 'TORI',
    services: ['customer-service', 'e-services'],
    owners: { municipality: 4, jointAuthority: 1, hospitalDistrict: 1, region: 2, company: 1 },
    products: [
      p('efecte', 'Efecte', 'Efecte', 'Efecte ITSM'),
      p('dynamics-crm', 'Dynamics 365', 'Microsoft', 'Dynamics CRM', 'MS Dynamics'),
      p('liferay', 'Liferay DXP', 'Liferay', 'Liferay'),
      p('suomi-fi-viestit', 'Suomi.fi-viestit', 'DVV', 'Suomi.fi viestit'),
      p('genesys', 'Genesys Cloud', 'Genesys', 'Genesys'),
    ],
    nouns: ['Asiointi', 'Palautekanava', 'Ajanvarausportaali', 'Neuvonta', 'Lomakepalvelu'],
    protocols: ['REST', 'REST', 'SOAP', 'file'],
    data: ['asiointitapahtumat', 'palautteet', 'viestit', 'yhteystiedot'],
    cost: 50_000,
  },
];

export interface InfraSpec {
  readonly class: SystemClass;
  readonly services: readonly string[];
  readonly products: readonly ProductSpec[];
  readonly cost: number;
}

export const identity: InfraSpec = {
  class: 'TORI',
  services: ['identity-management'],
  products: [
    p('active-directory', 'Active Directory', 'Microsoft', 'AD', 'Microsoft AD', 'MS AD'),
    p('entra-id', 'Microsoft Entra ID', 'Microsoft', 'Azure AD', 'Azure Active Directory', 'Entra ID'),
    p('ubisecure', 'Ubisecure', 'Ubisecure', 'Ubisecure SSO'),
    p('one-identity', 'One Identity Manager', 'One Identity', 'OneIM'),
  ],
  cost: 40_000,
};

export const platforms: InfraSpec = {
  class: 'TORI',
  services: ['integration-services'],
  products: [
    p('frends', 'Frends', 'Frends', 'HiQ Frends'),
    p('biztalk', 'BizTalk Server', 'Microsoft', 'MS BizTalk', 'Microsoft BizTalk'),
    p('mulesoft', 'MuleSoft Anypoint', 'Salesforce', 'MuleSoft', 'Mule ESB'),
    p('wso2-apim', 'WSO2 API Manager', 'WSO2', 'WSO2 APIM'),
    p('azure-apim', 'Azure API Management', 'Microsoft', 'Azure APIM'),
  ],
  cost: 150_000,
};

export const hostings = [
  'vendor SaaS',
  'vendor SaaS',
  'own data centre',
  'ICT company data centre',
  'public cloud (Azure)',
  'public cloud (AWS)',
  'hospital district data centre',
];

/** Brand-like first words of invented products. */
export const brands = [
  'Kunta',
  'Sote',
  'Digi',
  'Aalto',
  'Revontuli',
  'Pohjola',
  'Kide',
  'Sisu',
  'Väinö',
  'Ilmari',
  'Tähti',
  'Kaamos',
  'Helle',
  'Lumo',
  'Virta',
  'Kallio',
  'Ahjo',
  'Saga',
  'Nova',
  'Kaski',
  'Sampo',
  'Otso',
  'Tapio',
  'Kuura',
  'Ruska',
  'Lähde',
  'Pyry',
  'Säde',
  'Ääni',
  'Öljymäki',
  'Kärki',
  'Hämärä',
  'Siika',
  'Kotka',
  'Joutsen',
  'Tunturi',
  'Aapa',
  'Vaara',
  'Mökki',
  'Kehä',
];

/** Last words of invented products. */
export const productSuffixes = ['', ' Pro', ' Online', ' 365', ' Cloud', ' Plus', ' Web', ' Mobile', ' Lite', ' Suite'];

export interface RegionName {
  readonly slug: string;
  /** The Finnish genitive, for names such as "Lapin hyvinvointialue". */
  readonly genitive: string;
  readonly name: { readonly fi: string; readonly sv: string; readonly se?: string };
  /** Hospital district name in the same languages. */
  readonly district: string;
}

/** The wellbeing services counties; more regions than these repeat the names with an ordinal. */
export const regionNames: readonly RegionName[] = [
  {
    slug: 'pohjois-pohjanmaa',
    genitive: 'Pohjois-Pohjanmaan',
    name: { fi: 'Pohjois-Pohjanmaa', sv: 'Norra Österbotten' },
    district: 'PPSHP',
  },
  { slug: 'lappi', genitive: 'Lapin', name: { fi: 'Lappi', sv: 'Lappland', se: 'Lappi' }, district: 'LSHP' },
  { slug: 'kainuu', genitive: 'Kainuun', name: { fi: 'Kainuu', sv: 'Kajanaland' }, district: 'KSHP' },
  {
    slug: 'pohjois-savo',
    genitive: 'Pohjois-Savon',
    name: { fi: 'Pohjois-Savo', sv: 'Norra Savolax' },
    district: 'PSSHP',
  },
  { slug: 'etela-savo', genitive: 'Etelä-Savon', name: { fi: 'Etelä-Savo', sv: 'Södra Savolax' }, district: 'ESSHP' },
  {
    slug: 'keski-suomi',
    genitive: 'Keski-Suomen',
    name: { fi: 'Keski-Suomi', sv: 'Mellersta Finland' },
    district: 'KSSHP',
  },
  { slug: 'pirkanmaa', genitive: 'Pirkanmaan', name: { fi: 'Pirkanmaa', sv: 'Birkaland' }, district: 'PSHP' },
  {
    slug: 'varsinais-suomi',
    genitive: 'Varsinais-Suomen',
    name: { fi: 'Varsinais-Suomi', sv: 'Egentliga Finland' },
    district: 'VSSHP',
  },
  { slug: 'satakunta', genitive: 'Satakunnan', name: { fi: 'Satakunta', sv: 'Satakunda' }, district: 'SATSHP' },
  {
    slug: 'kanta-hame',
    genitive: 'Kanta-Hämeen',
    name: { fi: 'Kanta-Häme', sv: 'Egentliga Tavastland' },
    district: 'KHSHP',
  },
  {
    slug: 'paijat-hame',
    genitive: 'Päijät-Hämeen',
    name: { fi: 'Päijät-Häme', sv: 'Päijänne-Tavastland' },
    district: 'PHSOTEY',
  },
  {
    slug: 'kymenlaakso',
    genitive: 'Kymenlaakson',
    name: { fi: 'Kymenlaakso', sv: 'Kymmenedalen' },
    district: 'KYMSHP',
  },
  {
    slug: 'etela-karjala',
    genitive: 'Etelä-Karjalan',
    name: { fi: 'Etelä-Karjala', sv: 'Södra Karelen' },
    district: 'EKSHP',
  },
  {
    slug: 'pohjois-karjala',
    genitive: 'Pohjois-Karjalan',
    name: { fi: 'Pohjois-Karjala', sv: 'Norra Karelen' },
    district: 'PKSSK',
  },
  {
    slug: 'etela-pohjanmaa',
    genitive: 'Etelä-Pohjanmaan',
    name: { fi: 'Etelä-Pohjanmaa', sv: 'Södra Österbotten' },
    district: 'EPSHP',
  },
  { slug: 'pohjanmaa', genitive: 'Pohjanmaan', name: { fi: 'Pohjanmaa', sv: 'Österbotten' }, district: 'VSHP' },
  {
    slug: 'keski-pohjanmaa',
    genitive: 'Keski-Pohjanmaan',
    name: { fi: 'Keski-Pohjanmaa', sv: 'Mellersta Österbotten' },
    district: 'KPSHP',
  },
  {
    slug: 'ita-uusimaa',
    genitive: 'Itä-Uudenmaan',
    name: { fi: 'Itä-Uusimaa', sv: 'Östra Nyland' },
    district: 'HUS-IU',
  },
  {
    slug: 'keski-uusimaa',
    genitive: 'Keski-Uudenmaan',
    name: { fi: 'Keski-Uusimaa', sv: 'Mellersta Nyland' },
    district: 'HUS-KU',
  },
  {
    slug: 'lansi-uusimaa',
    genitive: 'Länsi-Uudenmaan',
    name: { fi: 'Länsi-Uusimaa', sv: 'Västra Nyland' },
    district: 'HUS-LU',
  },
  {
    slug: 'vantaa-kerava',
    genitive: 'Vantaan ja Keravan',
    name: { fi: 'Vantaa ja Kerava', sv: 'Vanda och Kervo' },
    district: 'HUS-VK',
  },
];

/** Real municipality names first (several bilingual, some with Northern Sámi names). */
export const realMunicipalities: readonly Name[] = [
  'Oulu',
  { fi: 'Ii', sv: 'Ijo' },
  'Kempele',
  'Liminka',
  'Kärsämäki',
  'Pyhäjärvi',
  'Haapajärvi',
  'Ylivieska',
  { fi: 'Inari', sv: 'Enare', se: 'Anár' },
  { fi: 'Utsjoki', se: 'Ohcejohka' },
  { fi: 'Enontekiö', se: 'Eanodat', sv: 'Enontekis' },
  { fi: 'Sodankylä', se: 'Soađegilli' },
  'Rovaniemi',
  'Kemijärvi',
  'Kajaani',
  'Sotkamo',
  'Kuopio',
  'Siilinjärvi',
  'Mikkeli',
  'Pieksämäki',
  'Jyväskylä',
  'Äänekoski',
  'Tampere',
  'Ylöjärvi',
  { fi: 'Turku', sv: 'Åbo' },
  { fi: 'Kemiönsaari', sv: 'Kimitoön' },
  'Pori',
  'Säkylä',
  'Hämeenlinna',
  'Forssa',
  'Lahti',
  'Kärkölä',
  'Kotka',
  'Hamina',
  'Lappeenranta',
  'Imatra',
  'Joensuu',
  'Lieksa',
  'Seinäjoki',
  'Ähtäri',
  { fi: 'Mustasaari', sv: 'Korsholm' },
  { fi: 'Närpiö', sv: 'Närpes' },
  'Kokkola',
  { fi: 'Pietarsaari', sv: 'Jakobstad' },
  { fi: 'Porvoo', sv: 'Borgå' },
  { fi: 'Loviisa', sv: 'Lovisa' },
  'Hyvinkää',
  'Järvenpää',
  { fi: 'Raasepori', sv: 'Raseborg' },
  'Lohja',
  'Kerava',
];

/** Parts of invented Finnish place names: first parts and endings. */
export const placeHeads = [
  'Kivi',
  'Paju',
  'Koivu',
  'Mänty',
  'Kuusi',
  'Haapa',
  'Leppä',
  'Pihlaja',
  'Tammi',
  'Sääksi',
  'Haukka',
  'Kurki',
  'Lohi',
  'Hauki',
  'Ahven',
  'Kaita',
  'Pitkä',
  'Pyhä',
  'Iso',
  'Vähä',
  'Ylä',
  'Ala',
  'Sysmä',
  'Päivä',
  'Kuu',
  'Tähkä',
  'Mäntsä',
  'Kärppä',
  'Hirvi',
  'Karhu',
  'Ilves',
  'Susi',
  'Kettu',
  'Näätä',
  'Sorsa',
  'Kaakko',
  'Rauta',
  'Kulta',
  'Hopea',
  'Vuori',
  'Lumi',
  'Jää',
  'Sammal',
  'Kanerva',
  'Mustikka',
  'Puola',
  'Vaaka',
  'Lehmus',
  'Vaahtera',
  'Ruoko',
];
export const placeTails = [
  'järvi',
  'koski',
  'lahti',
  'niemi',
  'saari',
  'mäki',
  'joki',
  'vaara',
  'lampi',
  'salmi',
  'harju',
  'kylä',
  'vesi',
  'virta',
  'ranta',
  'suo',
  'kangas',
  'selkä',
  'pää',
  'lä',
];
