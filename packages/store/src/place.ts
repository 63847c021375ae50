import { foldKey } from './fold.js';

/** A place as written or resolved: any level may be unknown. */
export interface Place {
  province: string | null;
  district: string | null;
  commune: string | null;
}

/**
 * A place in both administrative eras: `old` before the 2025 reorganisation (63 provinces, districts),
 * `new` after it (34 provinces, no districts). Either side may repeat the written place when unknown.
 */
export interface ResolvedPlace {
  old: Place;
  new: Place;
}

/**
 * Maps a written location to both eras. The pipeline passes the extractor's gazetteer
 * (`resolvePlace` / `mapToNew` in packages/extractor/src/lexicon); the store only stores what it returns.
 */
export type PlaceResolver = (written: Place, context: { date: string | null; site: string | null }) => ResolvedPlace;

/** Without a gazetteer both eras hold the written place, so a filter by the written name still matches. */
export const identityPlaceResolver: PlaceResolver = (written) => ({ old: { ...written }, new: { ...written } });

/** Administrative words in front of a name ("tỉnh Điện Biên", "TP. Hồ Chí Minh"), folded. */
const PREFIX = /^(?:tinh|thanh pho|tp|huyen|quan|thi xa|tx|thi tran|tt|xa|phuong|dac khu) /;

/** The key of a place name: folded, without the administrative word, so "Tỉnh Điện Biên" = "dien bien". */
export function placeKey(name: string | null | undefined): string | null {
  if (name === null || name === undefined) return null;
  const k = foldKey(name).replace(PREFIX, '');
  return k || null;
}
