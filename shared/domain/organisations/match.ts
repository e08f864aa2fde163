import { foldDiacritics, normalizeText, searchKey } from '../text/normalize';
import { editSimilarity, softTokenDice } from '../text/similarity';
import type { OrganisationGroupKey } from './groups';
import { isValidOn } from './validity';

/** What the matcher needs to know about an agency of the registry. */
export interface RegistryEntry {
  id: number;
  code: string;
  name: string;
  aliases: readonly string[];
  /** When the agency existed (ISO dates, null = open) and who took over its work; absent = always. */
  validFrom?: string | null;
  validTo?: string | null;
  successorId?: number | null;
}

/**
 * A name matched to an agency that did not exist on the plan's date: abolished before it ('ended', e.g. a
 * department merged away) or created after it ('not_started'). The successor valid on that date, if the
 * registry records one, is proposed instead.
 */
export interface NotInForce {
  on: string;
  status: 'ended' | 'not_started';
  successorId: number | null;
}

/**
 * How a name written in a plan resolves. Confidence below UNCERTAIN_BELOW means "probably, but a
 * person must confirm"; an unknown name comes with the cleaned text as a proposal for a new agency.
 */
export type AgencyMatch =
  | {
      raw: string;
      kind: 'organisation';
      organisationId: number;
      name: string;
      confidence: number;
      notInForce?: NotInForce;
    }
  | { raw: string; kind: 'group'; groupKey: OrganisationGroupKey; confidence: number }
  | { raw: string; kind: 'unknown'; proposedName: string; confidence: 0 };

export const UNCERTAIN_BELOW = 0.8;
const EXACT = 1;
const ALIAS = 0.95;
/** Fuzzy matches never claim more than this, so they never look as sure as an exact name. */
const FUZZY_CAP = 0.9;
/** Below this a fuzzy candidate is more likely a different agency than a misspelling. */
const FUZZY_FLOOR = 0.6;

/*
 * Abbreviations as plans write them, on the folded lowercase text (so "Sở KH&ĐT" arrives as "so kh&dt").
 * Multi-part forms come before their pieces ("ld-tb&xh" before anything else that could eat "tb").
 */
const ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/ld\s*[-,]?\s*tb\s*(?:&|va|-)?\s*xh/g, 'lao dong thuong binh va xa hoi'],
  [/vh\s*[-,]?\s*tt\s*(?:&|va|-)?\s*dl/g, 'van hoa the thao va du lich'],
  [/nn\s*(?:&|va|-)?\s*ptnt/g, 'nong nghiep va phat trien nong thon'],
  [/kh\s*(?:&|va|-)?\s*dt/g, 'ke hoach va dau tu'],
  [/kh\s*(?:&|va|-)?\s*cn/g, 'khoa hoc va cong nghe'],
  [/tn\s*(?:&|va|-)?\s*mt/g, 'tai nguyen va moi truong'],
  [/tt\s*(?:&|va|-)?\s*tt/g, 'thong tin va truyen thong'],
  [/gd\s*(?:&|va|-)?\s*dt/g, 'giao duc va dao tao'],
  [/gt\s*(?:&|-)?\s*vt/g, 'giao thong van tai'],
  [/pt\s*(?:&|va)?\s*th/g, 'phat thanh va truyen hinh'],
  [/ubnd/g, 'uy ban nhan dan'],
  [/hdnd/g, 'hoi dong nhan dan'],
  [/bql/g, 'ban quan ly'],
  [/kcn/g, 'khu cong nghiep'],
  [/ccn/g, 'cum cong nghiep'],
  [/dn/g, 'doanh nghiep'],
  [/tp/g, 'thanh pho'],
  [/tx/g, 'thi xa'],
];

/** Wraps a pattern so it only matches whole words of the folded text. */
function wholeWord(pattern: RegExp): RegExp {
  return new RegExp(`(?<![a-z0-9])(?:${pattern.source})(?![a-z0-9])`, 'g');
}

const WHOLE_WORD_ABBREVIATIONS = ABBREVIATIONS.map(
  ([pattern, expansion]) => [wholeWord(pattern), expansion] as const,
);

/** The comparison key of an agency name: folded, abbreviations spelled out, punctuation gone. */
export function agencyKey(raw: string): string {
  let key = searchKey(raw);
  for (const [pattern, expansion] of WHOLE_WORD_ABBREVIATIONS) key = key.replace(pattern, ` ${expansion} `);
  return key
    .replace(/&/g, ' va ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** "các" is filler in a name ("Ban Quản lý các KCN" = "Ban Quản lý KCN"), so names compare without it. */
function nameKey(raw: string): string {
  return agencyKey(raw)
    .split(' ')
    .filter((token) => token !== 'cac')
    .join(' ');
}

const GROUP_PATTERNS: ReadonlyArray<readonly [OrganisationGroupKey, RegExp]> = [
  [
    'ubnd_cap_huyen',
    /^(uy ban nhan dan )?(cac )?(cap huyen|(huyen|quan|thi xa|thanh pho)( (huyen|quan|thi xa|thanh pho))+)( tinh)?$/,
  ],
  ['ubnd_cap_xa', /^(uy ban nhan dan )?(cac )?(cap xa|(xa|phuong|thi tran)( (xa|phuong|thi tran))+)$/],
  [
    'so_ban_nganh',
    /^(cac )?(so( ban)?|ban) nganh( (tinh|doan the|hiep hoi|dia phuong|don vi|co quan|lien quan|co lien quan))*$/,
  ],
  [
    'doan_the_hiep_hoi',
    /^(cac )?(to chuc )?(hoi )?(doan the|hiep hoi)( (doan the|hiep hoi|chinh tri xa hoi|tinh))*$/,
  ],
  ['bao_dai', /^(cac )?(co quan )?(bao dai|bao chi|thong tan bao chi)( tinh)?$/],
  ['doanh_nghiep', /^(cac )?doanh nghiep( (tren dia ban|lien quan|co lien quan|tinh))*$/],
  ['don_vi_lien_quan', /^(cac )?((co quan|don vi|to chuc|dia phuong) )+(co )?lien quan$/],
];

/** The named group a collective phrase stands for, or null for a single agency. */
export function matchGroup(raw: string): OrganisationGroupKey | null {
  const key = agencyKey(raw);
  for (const [groupKey, pattern] of GROUP_PATTERNS) if (pattern.test(key)) return groupKey;
  return null;
}

/** Collapses line breaks and strips the punctuation a list leaves around a name ("Sở Tài chính;"). */
export function cleanAgencyName(raw: string): string {
  return normalizeText(raw)
    .replace(/^[\s:;,.\-–+•]+/, '')
    .replace(/[\s:;,.]+$/, '');
}

/** Words every agency shares; ignoring them lets fuzzy matching look at what tells agencies apart. */
const GENERIC_TOKENS = new Set([
  'so',
  'uy',
  'ban',
  'nhan',
  'dan',
  'tinh',
  'va',
  'huyen',
  'thi',
  'xa',
  'thanh',
  'pho',
  'quan',
]);

/** Drops "tỉnh" and a trailing province name: "Sở Công Thương tỉnh Hưng Yên" ≈ "Sở Công Thương". */
function withoutProvince(key: string): string {
  return key.replace(/ tinh( [a-z]+){0,3}$/, '');
}

/**
 * The edit similarity of two strings is at most shorter/longer length, and the token part adds at most
 * 0.5; a pair whose lengths differ more than this ratio can never reach FUZZY_FLOOR, so it is skipped
 * without the quadratic edit distance (a hostile cell of thousands of letters would take seconds).
 */
const MIN_LENGTH_RATIO = 2 * FUZZY_FLOOR - 1;

/** A key as fuzzy matching compares it: without the province, and its distinctive words. */
interface FuzzyKey {
  text: string;
  distinctive: string[];
}

function fuzzyKey(key: string): FuzzyKey {
  const text = withoutProvince(key);
  return { text, distinctive: text.split(' ').filter((t) => t !== '' && !GENERIC_TOKENS.has(t)) };
}

/**
 * A bound no fuzzy score of the pair can exceed, from lengths alone: edit similarity ≤ shorter/longer,
 * token Dice ≤ 2·min/(sum) of the token counts. Lets matching skip pairs that cannot win.
 */
function fuzzyBound(left: FuzzyKey, right: FuzzyKey): number {
  const longer = Math.max(left.text.length, right.text.length);
  const edit = longer === 0 ? 1 : Math.min(left.text.length, right.text.length) / longer;
  const a = left.distinctive.length;
  const b = right.distinctive.length;
  const dice = a + b === 0 ? 1 : (2 * Math.min(a, b)) / (a + b);
  return 0.5 * edit + 0.5 * dice;
}

function fuzzyScore(left: FuzzyKey, right: FuzzyKey): number {
  const shorter = Math.min(left.text.length, right.text.length);
  const longer = Math.max(left.text.length, right.text.length);
  if (longer > 0 && shorter / longer < MIN_LENGTH_RATIO) return 0;
  return (
    0.5 * editSimilarity(left.text, right.text) + 0.5 * softTokenDice(left.distinctive, right.distinctive)
  );
}

interface IndexedEntry {
  entry: RegistryEntry;
  nameKey: string;
  aliasKeys: string[];
  /** Name and alias keys prepared for fuzzy matching once per registry, not once per cell. */
  fuzzyKeys: FuzzyKey[];
}

interface RegistryIndex {
  entries: IndexedEntry[];
  /** Best fuzzy candidate per name key: a plan repeats names, the registry does not change meanwhile. */
  fuzzyBest: Map<string, { entry: RegistryEntry; score: number } | null>;
}

/** Registries are reused for every name of a plan; keys are computed once per registry array. */
const indexCache = new WeakMap<readonly RegistryEntry[], RegistryIndex>();

function indexRegistry(registry: readonly RegistryEntry[]): RegistryIndex {
  const cached = indexCache.get(registry);
  if (cached !== undefined) return cached;
  const entries = registry.map((entry) => {
    const name = nameKey(entry.name);
    const aliasKeys = [...entry.aliases, entry.code].map(nameKey).filter((k) => k !== '');
    return { entry, nameKey: name, aliasKeys, fuzzyKeys: [name, ...aliasKeys].map(fuzzyKey) };
  });
  const index = { entries, fuzzyBest: new Map() };
  indexCache.set(registry, index);
  return index;
}

function bestFuzzy(index: RegistryIndex, key: string): { entry: RegistryEntry; score: number } | null {
  if (index.fuzzyBest.has(key)) return index.fuzzyBest.get(key) ?? null;
  const query = fuzzyKey(key);
  let best: { entry: RegistryEntry; score: number } | null = null;
  for (const item of index.entries) {
    for (const candidate of item.fuzzyKeys) {
      // Skipping a pair that cannot beat the best so far (nor the floor) changes no result.
      const bound = fuzzyBound(query, candidate);
      if (bound < FUZZY_FLOOR || (best !== null && bound <= best.score)) continue;
      const score = fuzzyScore(query, candidate);
      if (best === null || score > best.score) best = { entry: item.entry, score };
    }
  }
  index.fuzzyBest.set(key, best);
  return best;
}

const existsOn = (entry: RegistryEntry, date: string) =>
  isValidOn({ validFrom: entry.validFrom ?? null, validTo: entry.validTo ?? null }, date);

/** The agency that carried on an ended one's work on `date`, following successors (merges of merges). */
function successorOn(entry: RegistryEntry, registry: readonly RegistryEntry[], date: string): number | null {
  let current: RegistryEntry | undefined = entry;
  const seen = new Set<number>();
  while (current?.successorId != null && !seen.has(current.id)) {
    seen.add(current.id);
    const next: RegistryEntry | undefined = registry.find((e) => e.id === current?.successorId);
    if (next === undefined) return current.successorId;
    if (existsOn(next, date)) return next.id;
    current = next;
  }
  return current !== entry && current !== undefined ? current.id : null;
}

function organisation(
  raw: string,
  entry: RegistryEntry,
  confidence: number,
  registry: readonly RegistryEntry[],
  on: string | null,
): AgencyMatch {
  const match: AgencyMatch = {
    raw,
    kind: 'organisation',
    organisationId: entry.id,
    name: entry.name,
    confidence,
  };
  if (on === null || existsOn(entry, on)) return match;
  const status = entry.validFrom != null && entry.validFrom > on ? 'not_started' : 'ended';
  return {
    ...match,
    notInForce: { on, status, successorId: status === 'ended' ? successorOn(entry, registry, on) : null },
  };
}

/** Of several registry entries with the same name (an agency re-created), the one that existed on `on`. */
function preferExisting(items: IndexedEntry[], on: string | null): IndexedEntry | undefined {
  if (on === null) return items[0];
  return items.find((item) => existsOn(item.entry, on)) ?? items[0];
}

/**
 * Resolves an agency name as written in a plan against the registry. With the plan's date (`on`, ISO),
 * a name that only matches an agency that did not exist that day is flagged and its successor proposed.
 * Pure; never throws.
 */
export function matchAgency(
  raw: string,
  registry: readonly RegistryEntry[],
  on: string | null = null,
): AgencyMatch {
  const cleaned = cleanAgencyName(raw);
  const key = nameKey(cleaned);
  if (key === '') return { raw, kind: 'unknown', proposedName: cleaned, confidence: 0 };

  const groupKey = matchGroup(cleaned);
  if (groupKey !== null) return { raw, kind: 'group', groupKey, confidence: EXACT };

  const index = indexRegistry(registry);
  const indexed = index.entries;
  const exact = preferExisting(
    indexed.filter((item) => item.nameKey === key),
    on,
  );
  if (exact !== undefined) return organisation(raw, exact.entry, EXACT, registry, on);
  const alias = preferExisting(
    indexed.filter((item) => item.aliasKeys.includes(key)),
    on,
  );
  if (alias !== undefined) return organisation(raw, alias.entry, ALIAS, registry, on);

  const best = bestFuzzy(index, key);
  if (best !== null && best.score >= FUZZY_FLOOR) {
    const confidence = Math.round(Math.min(FUZZY_CAP, best.score) * 100) / 100;
    return organisation(raw, best.entry, confidence, registry, on);
  }
  return { raw, kind: 'unknown', proposedName: cleaned, confidence: 0 };
}

/** The registry's names and aliases that contain a comma or semicolon: kept whole when a cell is split. */
export function namesWithCommas(registry: readonly RegistryEntry[]): string[] {
  return registry.flatMap((e) => [e.name, ...e.aliases]).filter((n) => /[;,]/.test(n));
}

/** Stands in for a comma inside a registry name while a list is cut at commas. */
const GUARDED_COMMA = '\u0000';

/**
 * Registry names that contain a comma or semicolon ("Báo và Phát thanh, Truyền hình Hưng Yên") are found
 * whole in the text first (case and diacritics ignored) and their punctuation hidden, so the list is not
 * cut inside them. Positions carry over because folding keeps one letter per NFC letter.
 */
function guardWholeNames(
  text: string,
  wholeNames: readonly string[],
): { text: string; restore: (piece: string) => string } {
  const restore = (piece: string) => piece.replaceAll(GUARDED_COMMA, ',');
  const names = wholeNames
    .map((n) => searchKey(n))
    .filter((n) => /[;,]/.test(n))
    .sort((a, b) => b.length - a.length);
  if (names.length === 0) return { text, restore };
  const key = foldDiacritics(text).toLowerCase();
  if (key.length !== text.length) return { text, restore };
  const chars = [...text];
  if (chars.length !== text.length) return { text, restore };
  // Words and punctuation of the name, any spacing between them: "thanh,truyền" and "thanh , truyền" match.
  const flexible = (name: string) => {
    const tokens = name.split(/([;,])|\s+/).filter((t): t is string => t !== undefined && t !== '');
    const body = tokens.map((t) =>
      t === ',' || t === ';' ? '[;,]' : t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    );
    return new RegExp(`(?<![a-z0-9])${body.join('\\s*')}(?![a-z0-9])`, 'g');
  };
  for (const name of names) {
    for (const m of key.matchAll(flexible(name))) {
      for (let k = m.index; k < m.index + m[0].length; k++)
        if (chars[k] === ',' || chars[k] === ';') chars[k] = GUARDED_COMMA;
    }
  }
  return { text: chars.join(''), restore };
}

/** Words that, alone after a comma, continue a collective phrase ("Các sở, ban, ngành"). */
const CONTINUATION =
  /^(ban|nganh|thi xa|thanh pho|quan|huyen|phuong|thi tran|xa|doan the|hiep hoi|don vi|dia phuong|co quan|to chuc)( (co )?lien quan| tinh)?$/;

/** First words that open a new agency name; anything else capitalised after "Sở X," continues X. */
const AGENCY_HEAD =
  /^(so|ban|uy ban|ubnd|hdnd|bao|dai|cong an|bo|van phong|hoi|hiep hoi|lien minh|lien doan|tinh doan|tinh uy|cuc|chi cuc|kho bac|ngan hang|cac|truong|thanh tra|vien|trung tam|cong ty|tong cong ty|mat tran|quy|doanh nghiep)\b/;

const SPLIT_ON_AND =
  /\s+(?:và|cùng)\s+(?=(?:Sở|UBND|Ủy ban|Uỷ ban|Ban|Báo|Đài|Công an|Bộ|Văn phòng|Hội|Hiệp hội|Liên minh|Tỉnh đoàn|Cục|Chi cục|Kho bạc|Ngân hàng|các|Các)\s)/u;

/**
 * Splits a "Cơ quan phối hợp" cell into agency phrases on commas and semicolons, keeping collective
 * phrases whole: "Các sở, ban, ngành, UBND các huyện, thị xã, thành phố" → two phrases, not six.
 */
export function splitAgencyList(text: string, wholeNames: readonly string[] = []): string[] {
  const { text: guarded, restore } = guardWholeNames(normalizeText(text), wholeNames);
  const pieces = guarded
    .split(/[;,]/)
    .map(restore)
    .flatMap((piece) => piece.split(SPLIT_ON_AND))
    .map(cleanAgencyName)
    .filter((piece) => piece !== '');
  const out: string[] = [];
  for (const piece of pieces) {
    const previous = out[out.length - 1];
    const key = searchKey(piece);
    const continuesGroup = CONTINUATION.test(key);
    const continuesName =
      previous !== undefined && /^Sở\s/u.test(previous) && /^\p{Lu}/u.test(piece) && !AGENCY_HEAD.test(key);
    if (previous !== undefined && (continuesGroup || continuesName))
      out[out.length - 1] = `${previous}, ${piece}`;
    else out.push(piece);
  }
  return out;
}
