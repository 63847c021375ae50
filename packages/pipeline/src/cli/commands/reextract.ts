import type { ExtractionResult } from '@vnevents/schema';
import type { ExtractionInput, PlaceResolver, StoredArticle } from '@vnevents/store';
import type { Command } from 'commander';
import { CliError, type CliIO } from '../io.js';
import { addStoreOptions, type StoreOptions, withStore } from './query.js';

/** The extractor's public entry point (`extract` of @vnevents/extractor). */
export type ExtractFn = (input: {
  text: string;
  title?: string | null;
  publishedAt?: string | null;
  url?: string | null;
  site?: string | null;
  path?: string | null;
  siteProvince?: string | null;
  lang?: string | null;
}) => ExtractionResult;

/** What reextract uses; tests pass their own, the CLI loads the real extractor and gazetteer. */
export interface ReextractDeps {
  extract?: ExtractFn;
  placeResolver?: PlaceResolver;
}

interface ReextractOptions extends StoreOptions {
  site?: string;
  since?: string;
  batch: string;
  note?: string;
}

async function defaults(deps: ReextractDeps): Promise<Required<ReextractDeps>> {
  const extractor = deps.extract ? null : await import('@vnevents/extractor');
  const resolver = deps.placeResolver ? null : await import('../../deps/place-resolver.js');
  return {
    extract: deps.extract ?? (extractor?.extract as ExtractFn),
    placeResolver:
      deps.placeResolver ?? (resolver as typeof import('../../deps/place-resolver.js')).gazetteerPlaceResolver(),
  };
}

export function registerReextract(
  program: Command,
  io: CliIO,
  setExit: (code: number) => void,
  deps: ReextractDeps = {},
): void {
  addStoreOptions(
    program
      .command('reextract')
      .description('run the current extractor over the stored articles (no fetching) and record a new run')
      .option('--site <host>', 'only articles of this site')
      .option('--since <day>', 'only articles published on or after this day (YYYY-MM-DD)')
      .option('--batch <n>', 'articles saved per transaction', '100')
      .option('--note <text>', 'a note kept with the run (what changed)'),
  )
    .addHelpText(
      'after',
      '\nThe new run becomes each article’s current run; the old one stays for comparison:\n' +
        '  vnevents reextract --note "new rule for giao ban" && vnevents runs list && vnevents runs diff 3 4',
    )
    .action(async (opts: ReextractOptions) => {
      const batch = Number(opts.batch);
      if (!Number.isInteger(batch) || batch < 1 || batch > 5000)
        throw new CliError(`--batch must be an integer from 1 to 5000, not "${opts.batch}"`, 2);
      if (opts.since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.since))
        throw new CliError(`--since must be a day YYYY-MM-DD, not "${opts.since}"`, 2);
      const { extract, placeResolver } = await defaults(deps);
      const scan = { ...(opts.site ? { site: opts.site } : {}), ...(opts.since ? { since: opts.since } : {}) };
      await withStore(
        opts,
        async (store) => {
          const total = await store.countArticles(scan);
          if (total === 0) {
            io.out('no stored articles match: nothing to re-extract, no run recorded');
            return;
          }
          const siteProvince = new Map((await store.listSites()).map((s) => [s.id, s.province]));
          const run1 = (a: StoredArticle) =>
            extract({
              text: a.text,
              title: a.article.title,
              publishedAt: a.article.publishedAt,
              url: a.article.url,
              site: a.article.site,
              siteProvince: a.article.site ? (siteProvince.get(a.article.site) ?? null) : null,
              lang: a.article.lang,
            });
          let runId: number | null = null;
          let done = 0;
          let events = 0;
          let errors = 0;
          const problems: string[] = [];
          let pending: ExtractionInput[] = [];
          const flush = async () => {
            if (!pending.length || runId === null) return;
            const r = await store.saveExtractions(runId, pending);
            pending = [];
            for (const s of r.saved) events += s.events;
            errors += r.rejected.length;
            for (const e of r.rejected) if (problems.length < 10) problems.push(e.message);
          };
          for await (const a of store.scanArticles({ ...scan, batchSize: 500 })) {
            let result: ExtractionResult;
            try {
              result = run1(a);
            } catch (err) {
              errors++;
              if (problems.length < 10) problems.push(`article ${a.id} (${a.article.url}): ${(err as Error).message}`);
              continue;
            } finally {
              done++;
            }
            runId ??= await store.startRun({
              extractor: result.extractor,
              params: { source: 'reextract', ...scan },
              note: opts.note ?? null,
            });
            pending.push({ articleId: a.id, result });
            if (pending.length >= batch) await flush();
            if (done % 1000 === 0) io.err(`reextract: ${done}/${total} articles, ${events} events`);
          }
          await flush();
          if (runId === null)
            throw new CliError(`the extractor failed on every article (${errors}): ${problems[0] ?? ''}`);
          await store.finishRun(runId, { articles: done - errors, events, errors });
          for (const p of problems) io.err(`  ${p}`);
          io.out(`run ${runId}: ${done} articles re-extracted, ${events} events, ${errors} errors`);
          if (errors) setExit(1);
        },
        { placeResolver },
      );
    });
}
