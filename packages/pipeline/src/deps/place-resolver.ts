import { loadGazetteer } from '@vnevents/extractor';
import type { Place, PlaceResolver } from '@vnevents/store';

/**
 * The store's PlaceResolver from the extractor's gazetteer: a written place in both administrative eras. Only
 * unambiguous mappings are made (a commune converted to exactly one new commune, a province whose communes all went
 * into one new province); otherwise the written name stays, so a filter by it still matches.
 */
export function gazetteerPlaceResolver(g: ReturnType<typeof loadGazetteer> = loadGazetteer()): PlaceResolver {
  // Lookups scan the gazetteer (newProvincesOf walks every commune): remember each written place once.
  const memo = new Map<string, { old: Place; new: Place }>();
  return (written: Place) => {
    const key = `${written.province ?? ''}\n${written.district ?? ''}\n${written.commune ?? ''}`;
    const hit = memo.get(key);
    if (hit) return { old: { ...hit.old }, new: { ...hit.new } };
    const r = resolve(written);
    if (memo.size < 50_000) memo.set(key, r);
    return { old: { ...r.old }, new: { ...r.new } };
  };

  function resolve(written: Place): { old: Place; new: Place } {
    const old: Place = { ...written };
    const post: Place = { ...written, district: null };
    const province = written.province;
    const preProvince = province ? g.resolvePlace(province, { era: 'pre-2025', level: 'province' }).best : null;
    const postProvince = province ? g.resolvePlace(province, { era: 'post-2025', level: 'province' }).best : null;
    if (preProvince) {
      old.province = preProvince.name;
      const into = g.newProvincesOf(preProvince.name);
      if (into.length === 1) post.province = into[0]!.name;
    } else if (postProvince) {
      post.province = postProvince.name;
    }
    if (written.commune && (preProvince || written.district)) {
      const m = g.mapToNew(written.commune, written.district ?? undefined, preProvince?.name ?? undefined);
      if (m.status === 'mapped' && m.targets.length === 1) {
        const t = m.targets[0]!;
        post.commune = t.commune.name;
        post.province = t.province.name;
        const from = m.from[0];
        if (from?.district) old.district ??= from.district;
        if (from) old.province ??= from.province;
      }
    }
    if (!written.district) post.district = null;
    return { old, new: post };
  }
}
