import { loadGazetteer, type PlaceCandidate } from '../lexicon/gazetteer.js';
import type { PlaceIndex } from './places.js';

const bare = (full: string) => full.replace(/^(?:Tỉnh|Thành phố|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn|Đặc khu)\s+/u, '');

let cached: PlaceIndex | undefined;

/**
 * The answers for one question, remembered by name: the rules ask about the same few names (the article's
 * province, its districts, every capitalised run that might be a person) over and over, and a gazetteer lookup
 * folds and ranks each time. Answers are frozen, since they are shared.
 */
function remembered<T>(answer: (name: string) => T): (name: string) => T {
  const seen = new Map<string, T>();
  return (name) => {
    let r = seen.get(name);
    if (r === undefined && !seen.has(name)) {
      r = answer(name);
      if (Array.isArray(r)) for (const x of r) Object.freeze(x);
      Object.freeze(r);
      if (seen.size >= 20_000) seen.clear();
      seen.set(name, r);
    }
    return r as T;
  };
}

/** The gazetteer seen through the questions the event rules ask (bare names in, bare names out). */
export function placeIndex(): PlaceIndex {
  if (cached) return cached;
  const g = loadGazetteer();
  const provinces = new Set(g.all({ level: 'province' }).map((c) => c.bareName));
  const provinceOf = (c: PlaceCandidate) => bare(c.province);
  cached = {
    province: remembered((name) => {
      const r = g.resolvePlace(name, { level: 'province' });
      const c = r.best ?? r.candidates[0];
      return c ? c.bareName : null;
    }),
    districts: remembered((name) =>
      g
        .resolvePlace(name, { level: 'district', era: 'pre-2025' })
        .candidates.filter((c) => c.bareName.toLowerCase() === name.toLowerCase() || c.bareName.length === name.length)
        .map((c) => ({ name: c.bareName, province: provinceOf(c) })),
    ),
    communes: remembered((name) =>
      g
        .lookup(name, { level: 'commune' })
        .map((c) => ({ name: c.bareName, district: c.district ? bare(c.district) : null, province: provinceOf(c) })),
    ),
    isPlace: remembered((name) => g.resolvePlace(name).status !== 'not-found'),
    provinceNames: () => [...provinces],
  };
  return cached;
}
