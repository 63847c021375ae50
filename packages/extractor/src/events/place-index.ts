import { loadGazetteer, type PlaceCandidate } from '../lexicon/gazetteer.js';
import type { PlaceIndex } from './places.js';

const bare = (full: string) => full.replace(/^(?:Tỉnh|Thành phố|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn|Đặc khu)\s+/u, '');

let cached: PlaceIndex | undefined;

/** The gazetteer seen through the questions the event rules ask (bare names in, bare names out). */
export function placeIndex(): PlaceIndex {
  if (cached) return cached;
  const g = loadGazetteer();
  const provinces = new Set(g.all({ level: 'province' }).map((c) => c.bareName));
  const provinceOf = (c: PlaceCandidate) => bare(c.province);
  cached = {
    province(name) {
      const r = g.resolvePlace(name, { level: 'province' });
      const c = r.best ?? r.candidates[0];
      return c ? c.bareName : null;
    },
    districts(name) {
      return g
        .resolvePlace(name, { level: 'district', era: 'pre-2025' })
        .candidates.filter((c) => c.bareName.toLowerCase() === name.toLowerCase() || c.bareName.length === name.length)
        .map((c) => ({ name: c.bareName, province: provinceOf(c) }));
    },
    communes(name) {
      return g
        .lookup(name, { level: 'commune' })
        .map((c) => ({ name: c.bareName, district: c.district ? bare(c.district) : null, province: provinceOf(c) }));
    },
    isPlace: (name) => g.resolvePlace(name).status !== 'not-found',
    provinceNames: () => [...provinces],
  };
  return cached;
}
