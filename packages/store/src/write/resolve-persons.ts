import { NAME_THRESHOLD, type NameForm, nameForm, samePersonScore } from '../people/name-form.js';
import { inList, type SqlExecutor } from '../sql/driver.js';
import type { DictionaryCache } from './dictionary-cache.js';
import { T } from './tables.js';

interface Known {
  personId: number;
  form: NameForm;
}

/**
 * Finds or creates the person of each written name, inside the caller's transaction, in a few set-wise
 * statements per batch. The same spelling always maps to the same person (unique alias); a new spelling
 * joins the person whose known spelling it matches under samePersonScore (best score, then oldest person),
 * including persons founded earlier in the same batch, or founds a new person.
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
    if (!f.lower || out.has(f.lower) || misses.has(f.lower)) continue;
    const id = cache.person(f.lower);
    if (id !== undefined) out.set(f.lower, id);
    else misses.set(f.lower, f);
  }
  if (misses.size === 0) return out;

  // Spellings already known (another writer, or before this process started).
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
  if (misses.size === 0) return out;

  // Every known spelling sharing a family and a given name with a new one: the candidates.
  const groups = new Map<string, Known[]>();
  const groupKey = (f: NameForm) => `${f.surnameKey} ${f.givenKey}`;
  const wanted = new Set([...misses.values()].map(groupKey));
  const [sc, sp] = inList(
    tx.dialect,
    'surname_key',
    [...new Set([...misses.values()].map((f) => f.surnameKey))].sort(),
  );
  const [gc, gp] = inList(tx.dialect, 'given_key', [...new Set([...misses.values()].map((f) => f.givenKey))].sort());
  for (const r of await tx.all<{ person_id: number; alias: string }>(
    `SELECT person_id, alias FROM person_aliases WHERE ${sc} AND ${gc} ORDER BY person_id, id`,
    [...sp, ...gp],
  )) {
    const form = nameForm(r.alias);
    if (!wanted.has(groupKey(form))) continue;
    const list = groups.get(groupKey(form)) ?? [];
    list.push({ personId: r.person_id, form });
    groups.set(groupKey(form), list);
  }

  const newPersons: { id: number; form: NameForm }[] = [];
  const newAliases: { personId: number; form: NameForm }[] = [];
  const renames: { id: number; name: string }[] = [];
  const ordered = [...misses.values()].sort(
    (a, b) => Number(b.hasDiacritics) - Number(a.hasDiacritics) || a.lower.localeCompare(b.lower),
  );
  const freshIds = await tx.allocateIds('persons', ordered.length);
  for (const f of ordered) {
    const group = groups.get(groupKey(f)) ?? [];
    let best: { id: number; score: number } | null = null;
    for (const c of group) {
      const s = samePersonScore(f, c.form, NAME_THRESHOLD);
      if (s > 0 && (!best || s > best.score || (s === best.score && c.personId < best.id)))
        best = { id: c.personId, score: s };
    }
    let personId: number;
    if (best) {
      personId = best.id;
      if (f.hasDiacritics) renames.push({ id: personId, name: f.alias });
    } else {
      personId = freshIds[newPersons.length] as number;
      newPersons.push({ id: personId, form: f });
    }
    newAliases.push({ personId, form: f });
    group.push({ personId, form: f });
    groups.set(groupKey(f), group);
  }

  await tx.insertRows(
    T.persons,
    newPersons.map((p) => [p.id, p.form.alias, p.form.folded, p.form.hasDiacritics ? 1 : 0, now]),
  );
  const aliasIds = await tx.allocateIds('person_aliases', newAliases.length);
  await tx.insertRows(
    T.personAliases,
    newAliases.map((a, i) => [
      aliasIds[i],
      a.personId,
      a.form.alias,
      a.form.lower,
      a.form.folded,
      a.form.surnameKey,
      a.form.givenKey,
      a.form.hasDiacritics ? 1 : 0,
    ]),
  );
  // A person first written without diacritics takes the first diacritic spelling as its name.
  for (const r of renames)
    await tx.run('UPDATE persons SET name = ?, has_diacritics = 1 WHERE id = ? AND has_diacritics = 0', [r.name, r.id]);

  // Another writer may have registered a spelling first (ON CONFLICT DO NOTHING): its person wins.
  const [ac, ap] = inList(
    tx.dialect,
    'alias_lower',
    newAliases.map((a) => a.form.lower),
  );
  const owners = new Map(
    (
      await tx.all<{ person_id: number; alias_lower: string }>(
        `SELECT person_id, alias_lower FROM person_aliases WHERE ${ac}`,
        ap,
      )
    ).map((r) => [r.alias_lower, r.person_id]),
  );
  const orphans = new Set(newPersons.map((p) => p.id));
  for (const a of newAliases) {
    const owner = owners.get(a.form.lower) ?? a.personId;
    out.set(a.form.lower, owner);
    cache.persons.set(a.form.lower, owner);
    orphans.delete(owner);
  }
  if (orphans.size) {
    const [oc, op] = inList(tx.dialect, 'id', [...orphans]);
    await tx.run(`DELETE FROM persons WHERE ${oc}`, op);
  }
  return out;
}
