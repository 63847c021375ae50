import { type NameForm, nameForm, similarity } from '../people/name-form.js';
import type { SqlExecutor } from '../sql/driver.js';
import type { PersonMatch, PersonTimeline } from '../types.js';
import { SUMMARY_COLUMNS, type SummaryRow, toSummary } from './event-rows.js';

interface Entry {
  personId: number;
  form: NameForm;
}

/** Score of a written alias for a search query (0 = no match). Exported for tests. */
export function searchScore(q: NameForm, alias: NameForm): number {
  if (q.folded === alias.folded) return 1;
  const qWords = q.folded.split(' ');
  if (qWords.length === 1) return ` ${alias.folded} `.includes(` ${q.folded} `) ? 0.95 : 0;
  if (` ${alias.folded} `.includes(` ${q.folded} `)) return 0.95;
  // Vietnamese given names tell people apart (An ≠ Anh): they must agree; the rest may be misspelt.
  if (q.surnameKey !== alias.surnameKey || q.givenKey !== alias.givenKey) return 0;
  return similarity(q.folded, alias.folded);
}

/** Every person alias in memory, reloaded when the table grows; searched with Jaro-Winkler on folded names. */
export class PersonIndex {
  private entries: Entry[] = [];
  private names = new Map<number, string>();
  private stamp = '';

  constructor(private readonly db: SqlExecutor) {}

  private async refresh(): Promise<void> {
    const s = (
      await this.db.all<{ n: number; m: number | null; p: number | null }>(
        'SELECT COUNT(*) AS n, MAX(id) AS m, (SELECT MAX(id) FROM persons) AS p FROM person_aliases',
      )
    )[0];
    const stamp = `${s?.n}:${s?.m}:${s?.p}`;
    if (stamp === this.stamp) return;
    const aliases = await this.db.all<{ person_id: number; alias: string }>(
      'SELECT person_id, alias FROM person_aliases ORDER BY person_id, id',
    );
    const persons = await this.db.all<{ id: number; name: string }>('SELECT id, name FROM persons');
    this.entries = aliases.map((a) => ({ personId: a.person_id, form: nameForm(a.alias) }));
    this.names = new Map(persons.map((p) => [p.id, p.name]));
    this.stamp = stamp;
  }

  async search(q: string, opts: { limit?: number; minScore?: number } = {}): Promise<PersonMatch[]> {
    const limit = opts.limit ?? 20;
    const minScore = opts.minScore ?? 0.9;
    const qf = nameForm(q);
    if (!qf.folded) return [];
    await this.refresh();
    const best = new Map<number, PersonMatch>();
    const aliases = new Map<number, string[]>();
    for (const e of this.entries) {
      const list = aliases.get(e.personId) ?? [];
      list.push(e.form.alias);
      aliases.set(e.personId, list);
      const score = searchScore(qf, e.form);
      if (score < minScore) continue;
      const prev = best.get(e.personId);
      if (!prev || score > prev.score)
        best.set(e.personId, {
          personId: e.personId,
          name: this.names.get(e.personId) ?? e.form.alias,
          aliases: [],
          score,
          matchedAlias: e.form.alias,
        });
    }
    const out = [...best.values()].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'vi'));
    for (const m of out) m.aliases = aliases.get(m.personId) ?? [];
    return out.slice(0, limit);
  }

  async personIds(q: string): Promise<number[]> {
    return (await this.search(q, { limit: 10_000 })).map((m) => m.personId);
  }
}

export async function personTimeline(db: SqlExecutor, personId: number): Promise<PersonTimeline | null> {
  const p = (await db.all<{ id: number; name: string }>('SELECT id, name FROM persons WHERE id = ?', [personId]))[0];
  if (!p) return null;
  const aliases = (
    await db.all<{ alias: string }>('SELECT alias FROM person_aliases WHERE person_id = ? ORDER BY id', [personId])
  ).map((a) => a.alias);
  const rows = await db.all<SummaryRow & { o_role: string; o_title: string | null }>(
    `SELECT ${SUMMARY_COLUMNS}, o.role AS o_role, o.title AS o_title
     FROM event_officials o JOIN events e ON e.id = o.event_id JOIN articles a ON a.id = e.article_id
     WHERE o.person_id = ? AND e.latest = 1 ORDER BY e.sort_date, e.id, o.ord`,
    [personId],
  );
  const events: PersonTimeline['events'] = [];
  const titles = new Map<string, { title: string; first: string; last: string; count: number }>();
  let lastId = -1;
  for (const r of rows) {
    if (r.o_title) {
      const t = titles.get(r.o_title) ?? { title: r.o_title, first: r.sort_date, last: r.sort_date, count: 0 };
      t.last = r.sort_date;
      if (r.id !== lastId) t.count++;
      titles.set(r.o_title, t);
    }
    if (r.id === lastId) continue;
    lastId = r.id;
    events.push({ ...toSummary(r), role: r.o_role, titleAsWritten: r.o_title });
  }
  return {
    person: { id: p.id, name: p.name, aliases },
    titles: [...titles.values()].sort((a, b) => a.first.localeCompare(b.first)),
    events,
  };
}
