import type { Directive } from '@vnevents/schema';
import { directiveAliasKey, directiveKey, foldKey } from '../fold.js';
import { inList, type SqlExecutor, type TableSpec } from '../sql/driver.js';
import type { DictionaryCache } from './dictionary-cache.js';
import { T } from './tables.js';

/**
 * Ids for keyed rows (units, directives), creating the missing ones. Concurrent writers may insert the
 * same key: ON CONFLICT DO NOTHING, then read back, so both end with the one row.
 */
async function ensureKeyed(
  tx: SqlExecutor,
  spec: TableSpec,
  rowsByKey: Map<string, (id: number) => unknown[]>,
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (rowsByKey.size === 0) return found;
  const keys = [...rowsByKey.keys()].sort();
  const select = async (ks: string[]) => {
    const [cond, params] = inList(tx.dialect, 'key', ks);
    for (const r of await tx.all<{ id: number; key: string }>(
      `SELECT id, key FROM ${spec.table} WHERE ${cond}`,
      params,
    ))
      found.set(r.key, r.id);
  };
  await select(keys);
  const missing = keys.filter((k) => !found.has(k));
  if (missing.length) {
    const ids = await tx.allocateIds(spec.table, missing.length);
    await tx.insertRows(
      spec,
      missing.map((k, i) => (rowsByKey.get(k) as (id: number) => unknown[])(ids[i] as number)),
    );
    await select(missing);
  }
  return found;
}

export async function resolveUnits(tx: SqlExecutor, cache: DictionaryCache, names: Iterable<string>) {
  const want = new Map<string, (id: number) => unknown[]>();
  for (const name of names) {
    const key = foldKey(name);
    if (key && cache.unit(key) === undefined && !want.has(key)) want.set(key, (id) => [id, name, key]);
  }
  for (const [k, id] of await ensureKeyed(tx, T.units, want)) cache.units.set(k, id);
  return (name: string): number => {
    const id = cache.unit(foldKey(name));
    if (id === undefined) throw new Error(`unit "${name}" was not resolved`);
    return id;
  };
}

/** Directive ids by canonical key; fills a title or date the first mention lacked; records aliases. */
export async function resolveDirectives(tx: SqlExecutor, cache: DictionaryCache, directives: Iterable<Directive>) {
  const all = [...directives];
  const want = new Map<string, (id: number) => unknown[]>();
  for (const d of all) {
    const key = directiveKey(d.ref);
    if (!cache.directive(key) && !want.has(key))
      want.set(key, (id) => [id, d.ref, key, d.number, d.kind, d.kindName, d.issuer, d.date, d.title]);
  }
  if (want.size) {
    const found = await ensureKeyed(tx, T.directives, want);
    const [cond, params] = inList(tx.dialect, 'id', [...found.values()]);
    for (const r of await tx.all<{ id: number; key: string; title: string | null; date: string | null }>(
      `SELECT id, key, title, date FROM directives WHERE ${cond}`,
      params,
    ))
      cache.directives.set(r.key, { id: r.id, hasTitle: r.title !== null, hasDate: r.date !== null });
  }
  const aliasRows: unknown[][] = [];
  for (const d of all) {
    const key = directiveKey(d.ref);
    const e = cache.directive(key);
    if (!e) throw new Error(`directive "${d.ref}" was not resolved`);
    if ((!e.hasTitle && d.title) || (!e.hasDate && d.date)) {
      await tx.run('UPDATE directives SET title = COALESCE(title, ?), date = COALESCE(date, ?) WHERE id = ?', [
        d.title,
        d.date,
        e.id,
      ]);
      cache.directives.set(key, { id: e.id, hasTitle: e.hasTitle || !!d.title, hasDate: e.hasDate || !!d.date });
    }
    for (const alias of [d.ref, ...d.aliases]) {
      const ak = directiveAliasKey(alias);
      const ck = `${e.id}|${ak}`;
      if (!ak || cache.hasDirectiveAlias(ck)) continue;
      cache.directiveAliases.add(ck);
      aliasRows.push([e.id, alias, ak]);
    }
  }
  await tx.insertRows(T.directiveAliases, aliasRows);
  return (ref: string): number => {
    const e = cache.directive(directiveKey(ref));
    if (!e) throw new Error(`directive "${ref}" was not resolved`);
    return e.id;
  };
}
