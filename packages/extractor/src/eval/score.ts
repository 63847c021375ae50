/**
 * The scoring of ../shared/spec/scoring.md, in TypeScript: same normalisation, same matching, same tallies as
 * the reference scorer (shared/tools/score.mjs), so `vnevents eval` prints the same numbers.
 */

export interface GoldFile {
  article?: string;
  publishedAt?: string | null;
  site?: string | null;
  events?: GoldEvent[];
}
// biome-ignore lint/suspicious/noExplicitAny: gold and prediction files are read as loose JSON, as the reference does
type Loose = any;
export type GoldEvent = Loose;
export type PredFile = { events?: Loose[] };

export interface FieldScore {
  field: string;
  tp: number;
  fp: number;
  fn: number;
  p: number;
  r: number;
  f1: number;
}
export interface ScoreReport {
  macroF1: number;
  fields: FieldScore[];
  articles: { article: string; gold: number; predicted: number }[];
}

export const HEADLINE_FIELDS = [
  'type',
  'date',
  'leadOfficial',
  'officials',
  'leadUnit',
  'targetUnits',
  'province',
  'directives',
  'results',
  'limitations',
  'recommendations',
] as const;

export const norm = (s: unknown): string =>
  String(s ?? '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[“”"'‘’«»()[\]{}.,;:!?…–—\-/|•*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const syl = (s: unknown) => norm(s).split(' ').filter(Boolean);

export function sylF1(a: unknown, b: unknown): number {
  const A = syl(a);
  const B = syl(b);
  if (!A.length || !B.length) return 0;
  const bag = new Map<string, number>();
  for (const x of B) bag.set(x, (bag.get(x) ?? 0) + 1);
  let o = 0;
  for (const x of A) {
    const n = bag.get(x) ?? 0;
    if (n > 0) {
      o++;
      bag.set(x, n - 1);
    }
  }
  if (!o) return 0;
  const p = o / A.length;
  const r = o / B.length;
  return (2 * p * r) / (p + r);
}

const placeWords = /^(tỉnh|thành phố|tp|huyện|thị xã|quận|xã|phường|thị trấn)\s+/;
const place = (s: unknown) => norm(s).replace(placeWords, '').trim();
const canonRef = (r: unknown) => norm(r).replace(/\s+/g, '').replace(/tư/g, 'tw');
const textOf = (x: Loose): string => (x && typeof x === 'object' ? (x.text ?? x.name ?? '') : (x ?? ''));

function unitMatch(pred: unknown, golds: unknown[]): boolean {
  const p = norm(pred);
  if (!p) return false;
  return golds.filter(Boolean).some((g) => {
    const q = norm(g);
    if (p === q) return true;
    const [s, l] = p.length < q.length ? [p, q] : [q, p];
    return l.includes(s) && s.split(' ').length >= 3;
  });
}

function parseNum(v: unknown): number {
  if (typeof v === 'number') return v;
  const s = String(v).trim();
  return Number(s.replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.'));
}

/** Scores prediction files against gold files, keyed by article name. */
export function score(golds: Map<string, GoldFile>, preds: Map<string, PredFile>): ScoreReport {
  const T: Record<string, { tp: number; fp: number; fn: number }> = {};
  const add = (f: string, tp: number, fp: number, fn: number) => {
    T[f] ??= { tp: 0, fp: 0, fn: 0 };
    T[f].tp += tp;
    T[f].fp += fp;
    T[f].fn += fn;
  };
  const single = (f: string, ok: boolean, hasPred: boolean, hasGold: boolean) => {
    if (ok) add(f, 1, 0, 0);
    else add(f, 0, hasPred ? 1 : 0, hasGold ? 1 : 0);
  };
  const oneToOne = <P, G>(f: string, ps: P[], gs: G[], match: (p: P, g: G) => number) => {
    const pairs: [number, number, number][] = [];
    ps.forEach((p, i) => {
      gs.forEach((g, j) => {
        const s = match(p, g);
        if (s > 0) pairs.push([s, i, j]);
      });
    });
    pairs.sort((a, b) => b[0] - a[0]);
    const usedP = new Set<number>();
    const usedG = new Set<number>();
    let tp = 0;
    for (const [, i, j] of pairs)
      if (!usedP.has(i) && !usedG.has(j)) {
        usedP.add(i);
        usedG.add(j);
        tp++;
      }
    add(f, tp, ps.length - tp, gs.length - tp);
  };

  const articles: ScoreReport['articles'] = [];
  for (const name of [...golds.keys()].sort()) {
    const gold = golds.get(name)!;
    const pred = preds.get(name) ?? { events: [] };
    const ge = gold.events ?? [];
    const pe = pred.events ?? [];
    add(
      'events',
      Math.min(ge.length, pe.length),
      Math.max(0, pe.length - ge.length),
      Math.max(0, ge.length - pe.length),
    );
    articles.push({ article: name, gold: ge.length, predicted: pe.length });
    if (!ge.length) continue;
    const g = ge[0];
    const p = pe[0] ?? {};
    single('type', !!p.type && p.type === g.type, !!p.type, !!g.type);
    single('date', !!p.date && p.date === g.date, !!p.date, !!g.date);
    const pl = p.leadOfficial?.name;
    const gl = g.leadOfficial?.name;
    single('leadOfficial', !!pl && !!gl && norm(pl) === norm(gl), !!pl, !!gl);
    if (gl && g.leadOfficial.title) {
      const pt = p.leadOfficial?.title;
      single('leadOfficial.title', !!pt && norm(pl) === norm(gl) && sylF1(pt, g.leadOfficial.title) >= 0.5, !!pt, true);
    }
    oneToOne(
      'officials',
      (p.officials ?? []).map((o: Loose) => o.name),
      (g.officials ?? []).map((o: Loose) => o.name),
      (a, b) => (norm(a) === norm(b) ? 1 : 0),
    );
    const pu = textOf(p.leadUnit);
    single('leadUnit', unitMatch(pu, [g.leadUnit, ...(g.leadUnitAlternatives ?? [])]), !!pu, !!g.leadUnit);
    oneToOne('targetUnits', (p.targetUnits ?? []).map(textOf), g.targetUnits ?? [], (a, b) =>
      unitMatch(a, [b]) ? 1 : 0,
    );
    const pp = p.location?.province;
    const gp = g.location?.province;
    single('province', !!pp && !!gp && place(pp) === place(gp), !!pp, !!gp);
    const pd = p.location?.district;
    const gd = g.location?.district;
    single('district', !!pd && !!gd && place(pd) === place(gd), !!pd, !!gd);
    const pdir: Loose[] = p.directives ?? [];
    const gdir: Loose[] = g.directives ?? [];
    oneToOne('directives', pdir, gdir, (a, b) => (canonRef(a.ref) === canonRef(b.ref) ? 1 : 0));
    for (const gdv of gdir) {
      const m = pdir.find((x) => canonRef(x.ref) === canonRef(gdv.ref));
      if (gdv.date) single('directives.date', m?.date === gdv.date, !!m?.date, true);
    }
    for (const f of ['results', 'limitations', 'recommendations', 'proposals'])
      oneToOne(f, (p[f] ?? []).map(textOf), g[f] ?? [], (a, b) => {
        const s = sylF1(a, b);
        return s >= 0.5 ? s : 0;
      });
    const pm = (p.results ?? []).flatMap((r: Loose) => r.metrics ?? []).concat(p.metrics ?? []);
    oneToOne('metrics', pm, g.metrics ?? [], (a: Loose, b: Loose) =>
      parseNum(a.value) === parseNum(b.value) && norm(a.unit) === norm(b.unit) ? 1 : 0,
    );
  }
  const prf = ({ tp, fp, fn }: { tp: number; fp: number; fn: number }) => {
    const p = tp + fp ? tp / (tp + fp) : tp + fn ? 0 : 1;
    const r = tp + fn ? tp / (tp + fn) : 1;
    return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
  };
  const fields = Object.keys(T)
    .sort()
    .map((f) => ({ field: f, ...T[f]!, ...prf(T[f]!) }));
  const macroF1 =
    HEADLINE_FIELDS.map((f) => (T[f] ? prf(T[f]).f1 : 0)).reduce((a, b) => a + b, 0) / HEADLINE_FIELDS.length;
  return { macroF1, fields, articles };
}

/** The reference scorer's table, line for line. */
export function formatReport(r: ScoreReport): string[] {
  const pct = (x: number) => (100 * x).toFixed(1).padStart(6);
  const lines = ['field                  tp   fp   fn      P      R     F1'];
  for (const f of r.fields)
    lines.push(
      `${f.field.padEnd(20)} ${String(f.tp).padStart(4)} ${String(f.fp).padStart(4)} ${String(f.fn).padStart(4)} ${pct(f.p)} ${pct(f.r)} ${pct(f.f1)}`,
    );
  lines.push(`macro F1 over ${HEADLINE_FIELDS.length} headline fields: ${(100 * r.macroF1).toFixed(1)}`);
  return lines;
}
