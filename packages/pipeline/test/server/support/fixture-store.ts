import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '@vnevents/extractor';
import type { Article, ExtractionResult } from '@vnevents/schema';
import type { Store } from '@vnevents/store';
import { gazetteerPlaceResolver } from '../../../src/deps/place-resolver.js';
import { type TempSqlite, tempSqliteStore } from './temp-store.js';

export type { TempSqlite };

export const REPO = resolve(fileURLToPath(new URL('../../../../../', import.meta.url)));
export const ARTICLES_DIR = join(REPO, 'fixtures/articles/text');
export const INJECTION_FILE = join(REPO, 'fixtures/articles-injection/inspection-injection-muong-phang.txt');

/** Every fixture article (.txt) and the injection fixture. */
export function fixtureFiles(): string[] {
  const files = readdirSync(ARTICLES_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(ARTICLES_DIR, f));
  return [...files, INJECTION_FILE];
}

/** The Article a crawler would have stored for a captured text, built from what the extractor read from it. */
function articleOf(url: string, r: ExtractionResult): Article {
  const paragraphs = r.text.split('\n\n');
  const title = r.source.title ?? null;
  if (title && paragraphs[0] === title) paragraphs.shift();
  return {
    url,
    canonicalUrl: url,
    site: r.source.site ?? 'fixtures.vnevents.test',
    title,
    publishedAt: r.source.publishedAt,
    modifiedAt: null,
    author: null,
    lead: null,
    paragraphs,
    captions: [],
    breadcrumb: [],
    lang: /^[a-z]{3}$/.test(r.source.lang) ? r.source.lang : 'und',
    dateSource: r.source.publishedAt ? 'dateline' : null,
  };
}

export interface LoadedFixtures {
  runId: number;
  /** File name (without .txt) → article id. */
  articles: Map<string, number>;
  events: number;
}

/** Runs the extractor over the files and saves articles and extractions through the store's write API. */
export async function loadFixtures(store: Store, files: string[] = fixtureFiles()): Promise<LoadedFixtures> {
  const articles = new Map<string, number>();
  let runId = -1;
  let events = 0;
  for (const file of files) {
    const name = basename(file, '.txt');
    const url = `https://fixtures.vnevents.test/${name}.html`;
    const r = extract({ text: readFileSync(file, 'utf8'), url, path: file.slice(REPO.length + 1) });
    if (runId < 0) runId = await store.startRun({ extractor: r.extractor, params: { source: 'server-tests' } });
    const articleId = await store.saveArticle(null, articleOf(url, r));
    await store.saveExtraction(runId, articleId, r);
    articles.set(name, articleId);
    events += r.events.length;
  }
  await store.finishRun(runId, { articles: files.length, events, errors: 0 });
  return { runId, articles, events };
}

/** A fresh SQLite store with the gazetteer's place resolver (as the pipeline writes). */
export function tempFixtureStore(): Promise<TempSqlite> {
  return tempSqliteStore(gazetteerPlaceResolver());
}
