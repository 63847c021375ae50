import { directiveKey } from '../fold.js';
import type { SqlExecutor } from '../sql/driver.js';
import type { DirectiveRecord } from '../types.js';
import { directiveIds } from './filter.js';

interface DirectiveRow {
  id: number;
  ref: string;
  key: string;
  number: string | null;
  kind: string | null;
  kind_name: string | null;
  issuer: string | null;
  date: string | null;
  title: string | null;
}

/**
 * The directives a reference or alias names, best first: the one whose canonical key equals the ref,
 * else the one most current events cite.
 */
export async function findDirectives(db: SqlExecutor, ref: string): Promise<DirectiveRecord[]> {
  const ids = await directiveIds(db, ref);
  if (ids.length === 0) return [];
  const out: (DirectiveRecord & { exact: boolean; uses: number })[] = [];
  for (const id of ids) {
    const d = (await db.all<DirectiveRow>('SELECT * FROM directives WHERE id = ?', [id]))[0];
    if (!d) continue;
    const aliases = (
      await db.all<{ alias: string }>('SELECT alias FROM directive_aliases WHERE directive_id = ? ORDER BY alias', [id])
    ).map((a) => a.alias);
    const uses = (
      await db.all<{ n: number }>(
        'SELECT COUNT(*) AS n FROM event_directives ed JOIN events e ON e.id = ed.event_id WHERE ed.directive_id = ? AND e.latest = 1',
        [id],
      )
    )[0];
    out.push({
      id: d.id,
      ref: d.ref,
      number: d.number,
      kind: d.kind,
      kindName: d.kind_name,
      issuer: d.issuer,
      date: d.date,
      title: d.title,
      aliases: aliases.filter((a) => a !== d.ref),
      exact: d.key === directiveKey(ref),
      uses: Number(uses?.n ?? 0),
    });
  }
  out.sort((a, b) => Number(b.exact) - Number(a.exact) || b.uses - a.uses || a.id - b.id);
  return out.map(({ exact: _e, uses: _u, ...d }) => d);
}
