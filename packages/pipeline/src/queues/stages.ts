/**
 * The pipeline's stages, one BullMQ queue each:
 *   discover  a site → the URLs of its articles (sitemaps, feeds, listings)            network, light
 *   fetch     a URL → the page (conditional GET through the store's validators)        network, per-host politeness
 *   extract   a page → the article (HTML parsing) and its events (the extractor)       CPU only, no I/O
 *   store     page + article + events → the database in one idempotent write           database only
 * Each stage scales and fails on its own: a database outage stalls only `store`, a slow host only `fetch`.
 */
export const STAGES = ['discover', 'fetch', 'extract', 'store'] as const;
export type Stage = (typeof STAGES)[number];

export function isStage(s: string): s is Stage {
  return (STAGES as readonly string[]).includes(s);
}

/** Parses a comma-separated list of stages (`--stages fetch,store`); throws naming the unknown one. */
export function parseStages(list: string): Stage[] {
  const out: Stage[] = [];
  for (const raw of list.split(',')) {
    const s = raw.trim();
    if (!s) continue;
    if (!isStage(s)) throw new Error(`unknown stage "${s}": expected one of ${STAGES.join(', ')}`);
    if (!out.includes(s)) out.push(s);
  }
  if (!out.length) throw new Error(`no stage named: expected some of ${STAGES.join(', ')}`);
  return out;
}

/** Queue name of a stage (the BullMQ prefix separates installations and tests). */
export function queueName(stage: Stage): string {
  return `vnevents-${stage}`;
}
