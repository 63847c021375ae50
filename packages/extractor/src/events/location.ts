import type { Location } from '@vnevents/schema';
import { hoisted } from '../recognizers/hoist.js';
import { matchKey } from '../text/index.js';
import type { PlaceIndex } from './places.js';
import type { UnitPhrase } from './units.js';

/** Letters and digits only, without case or diacritics: compares host names with place names. */
const fold = (s: string) => matchKey(s, { foldDiacritics: true }).replace(/[^a-z0-9]/g, '');

const PLACE = '(\\p{Lu}[\\p{Ll}\\p{M}]*(?:[ ]\\p{Lu}[\\p{Ll}\\p{M}]*){0,3})';
const PROVINCE_MENTION = hoisted(
  new RegExp(
    `(?:(?<![\\p{L}\\p{N}])tỉnh|Tỉnh ủy|Tỉnh uỷ|(?<![\\p{L}\\p{N}])thành phố|Thành phố|Thành ủy|Thành uỷ|(?<![\\p{L}\\p{N}])TP\\.?)[ ]${PLACE}`,
    'gu',
  ),
);
const DISTRICT_IN_UNIT = hoisted(
  new RegExp(
    `(?:(?<![\\p{L}\\p{N}])huyện|Huyện ủy|Huyện uỷ|Huyên ủy|(?<![\\p{L}\\p{N}])thị xã|Thị ủy|Thị uỷ|(?<![\\p{L}\\p{N}])quận|Quận ủy|Quận uỷ|(?<![\\p{L}\\p{N}])thành phố|Thành ủy|Thành uỷ)[ ]${PLACE}`,
    'gu',
  ),
);
const COMMUNE_IN_UNIT = hoisted(
  new RegExp(
    `(?:(?<![\\p{L}\\p{N}])xã|(?<![\\p{L}\\p{N}])phường|(?<![\\p{L}\\p{N}])thị trấn|Đảng ủy xã|Đảng uỷ xã)[ ]${PLACE}`,
    'gu',
  ),
);

/** Trims a captured place to the longest prefix the test accepts ("Mường Ảng Báo" → "Mường Ảng"). */
function longestPrefix(name: string, ok: (s: string) => boolean): string | null {
  const parts = name.split(' ');
  for (let n = parts.length; n >= 1; n--) {
    const s = parts.slice(0, n).join(' ');
    if (ok(s)) return s;
  }
  return null;
}

export interface LocationInput {
  text: string;
  targets: UnitPhrase[];
  /** The event's own sentence: a place named there counts when no target names one. */
  lead: { start: number; end: number };
  site: string | null;
  siteProvince: string | null;
  post2025: boolean;
}

/** Province, district and commune of the event: from the text, resolved through the gazetteer, then the site. */
export function resolveLocation(input: LocationInput, places: PlaceIndex): Location & { rule: string } {
  const { text } = input;
  const counts = new Map<string, { n: number; first: number }>();
  for (const m of text.matchAll(PROVINCE_MENTION)) {
    const p = longestPrefix(m[1]!, (s) => places.province(s) !== null);
    if (!p) continue;
    const name = places.province(p)!;
    const c = counts.get(name) ?? { n: 0, first: m.index };
    c.n++;
    counts.set(name, c);
  }
  let province: string | null = null;
  let rule = 'location.none';
  let bestN = 0;
  for (const [name, c] of counts)
    if (c.n > bestN || (c.n === bestN && c.first < (counts.get(province ?? '')?.first ?? Infinity))) {
      province = name;
      bestN = c.n;
      rule = 'location.province-in-text';
    }

  // District and commune from the visited units (or the lead sentence), only when they agree on one place.
  const districtsSeen = new Map<string, { name: string; province: string }[]>();
  const communesSeen = new Map<string, { name: string; district: string | null; province: string }[]>();
  const scan = (s: string) => {
    for (const m of s.matchAll(DISTRICT_IN_UNIT)) {
      const d = longestPrefix(m[1]!, (x) => places.districts(x).length > 0 && places.province(x) === null);
      if (d) districtsSeen.set(d, places.districts(d));
    }
    for (const m of s.matchAll(COMMUNE_IN_UNIT)) {
      const c = longestPrefix(m[1]!, (x) => places.communes(x).length > 0);
      if (c) communesSeen.set(c, places.communes(c));
    }
  };
  // Every visited body must lie in the district for the event to be placed there: a provincial department among
  // the targets ("Huyện ủy Quỳnh Phụ, Sở Tài nguyên và Môi trường") makes it a provincial event.
  let allPlaced = true;
  for (const t of input.targets) {
    const before = districtsSeen.size + communesSeen.size;
    scan(t.name);
    if (districtsSeen.size + communesSeen.size === before && !DISTRICT_IN_UNIT.test(t.name)) allPlaced = false;
    DISTRICT_IN_UNIT.lastIndex = 0;
  }
  if (!allPlaced) {
    districtsSeen.clear();
    communesSeen.clear();
  }
  if (!districtsSeen.size && !communesSeen.size && !input.targets.length)
    scan(text.slice(input.lead.start, input.lead.end));

  const siteProv = input.siteProvince ?? provinceFromHost(input.site, places);
  let district: string | null = null;
  let commune: string | null = null;
  if (districtsSeen.size === 1 && !input.post2025) {
    const [name, cands] = [...districtsSeen][0]!;
    const inProv = province ? cands.filter((c) => c.province === province) : [];
    const inSite = siteProv ? cands.filter((c) => c.province === siteProv) : [];
    const pick = inProv[0] ?? (cands.length === 1 ? cands[0] : inSite[0]);
    if (pick) {
      district = name;
      if (!province) {
        province = pick.province;
        rule = 'location.district-gazetteer';
      }
    }
  }
  if (communesSeen.size === 1) {
    const [name, cands] = [...communesSeen][0]!;
    const fit = cands.filter(
      (c) => (!province || c.province === province) && (!district || c.district === null || c.district === district),
    );
    if (fit.length >= 1) {
      commune = name;
      if (!province && fit.length === 1) {
        province = fit[0]!.province;
        rule = 'location.commune-gazetteer';
      }
    }
  }
  if (!province && siteProv) {
    province = siteProv;
    rule = 'location.site';
  }
  return { province, district, commune, rule };
}

function provinceFromHost(site: string | null, places: PlaceIndex): string | null {
  if (!site) return null;
  const host = fold(site);
  let best: string | null = null;
  for (const p of places.provinceNames()) {
    const f = fold(p);
    if (f.length >= 4 && host.includes(f) && (!best || f.length > fold(best).length)) best = p;
  }
  return best;
}
