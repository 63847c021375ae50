import { NAME_THRESHOLD, type NameForm, nameForm, samePersonScore } from '../people/name-form.js';
import { inList, type SqlExecutor } from '../sql/driver.js';
import type { DictionaryCache } from './dictionary-cache.js';
import { T } from './tables.js';

interface AliasRow {
  person_id: number;
  alias: string;
}

/**
 * Finds or creates the person of each written name, inside the caller's transaction.
 * The same spelling always maps to the same person (unique alias); a new spelling joins the person whose
 * known spelling it matches under samePersonScore (best score, then oldest person), or founds a new person.
 * Returns lowerKey(name) → person id.
 */
export async function resolvePersons(
  tx: SqlExecutor,
  cache: DictionaryCache,
  names: Iterable<string>,
  now: string,
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const misses = new Map<string, NameForm>();
  for (const n of names) {
    const f = nameForm(n);
    if (!f.lower || out.has(f.lower)) continue;
    const id = cache.person(f.lower);
    if (id !== undefined) out.set(f.lower, id);
    else misses.set(f.lower, f);
  }
  if (misses.size === 0) return out;

  const keys = [...misses.keys()].sort();
  const [cond, params] = inList(tx.dialect, 'alias_lower', keys);
  for (const r of await tx.all<{ person_id: number; alias_lower: string }>(
    `SELECT person_id, alias_lower FROM person_aliases WHERE ${cond}`,
    params,
  )) {
    out.set(r.alias_lower, r.person_id);
    cache.persons.set(r.alias_lower, r.person_id);
    misses.delete(r.alias_lower);
  }

  for (const key of keys) {
    const f = misses.get(key);
    if (!f) continue;
    const id = await matchOrCreate(tx, f, now);
    out.set(key, id);
    cache.persons.set(key, id);
  }
  return out;
}

async function matchOrCreate(tx: SqlExecutor, f: NameForm, now: string): Promise<number> {
  const candidates = await tx.all<AliasRow>(
    'SELECT person_id, alias FROM person_aliases WHERE surname_key = ? AND given_key = ? ORDER BY person_id',
    [f.surnameKey, f.givenKey],
  );
  let best: { id: number; score: number } | null = null;
  for (const c of candidates) {
    const s = samePersonScore(f, nameForm(c.alias), NAME_THRESHOLD);
    if (s > 0 && (!best || s > best.score)) best = { id: c.person_id, score: s };
  }
  if (best) {
    await addAlias(tx, best.id, f);
    if (f.hasDiacritics)
      await tx.run('UPDATE persons SET name = ?, has_diacritics = 1 WHERE id = ? AND has_diacritics = 0', [
        f.alias,
        best.id,
      ]);
    return aliasOwner(tx, f, best.id);
  }
  const [id] = await tx.allocateIds('persons', 1);
  if (id === undefined) throw new Error('allocateIds returned no id');
  await tx.insertRows(T.persons, [[id, f.alias, f.folded, f.hasDiacritics ? 1 : 0, now]]);
  await addAlias(tx, id, f);
  const owner = await aliasOwner(tx, f, id);
  // Another writer registered this spelling first (PostgreSQL, concurrent batches): use its person.
  if (owner !== id) await tx.run('DELETE FROM persons WHERE id = ?', [id]);
  return owner;
}

async function addAlias(tx: SqlExecutor, personId: number, f: NameForm): Promise<void> {
  const [aid] = await tx.allocateIds('person_aliases', 1);
  await tx.insertRows(T.personAliases, [
    [aid, personId, f.alias, f.lower, f.folded, f.surnameKey, f.givenKey, f.hasDiacritics ? 1 : 0],
  ]);
}

async function aliasOwner(tx: SqlExecutor, f: NameForm, fallback: number): Promise<number> {
  const r = await tx.all<{ person_id: number }>('SELECT person_id FROM person_aliases WHERE alias_lower = ?', [
    f.lower,
  ]);
  return r[0]?.person_id ?? fallback;
}
