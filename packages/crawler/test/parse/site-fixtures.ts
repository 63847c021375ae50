/**
 * Golden pages under fixtures/sites/<template>/<slug>/: source.html, meta.json ({ url, path }) and
 * expected.json (the Article or NotArticle a careful reader would give). Shared by the tests, the
 * benchmark (bench/parse.ts) and scripts/regen-site-fixtures.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParseResult } from '../../src/parse/index.js';

export const SITE_FIXTURES_DIR = fileURLToPath(new URL('../../../../fixtures/sites/', import.meta.url));

export interface SiteFixture {
  /** Template family: liferay, sharepoint, webcenter, wordpress, 3cms, newspaper, dcs, print. */
  template: string;
  slug: string;
  dir: string;
  /** The URL the page was (notionally) fetched from. */
  url: string;
  /** Path (and query) a fixture server serves it at. */
  path: string;
  html: string;
  /** null when expected.json does not exist yet. */
  expected: ParseResult | null;
}

export class FixtureError extends Error {
  override readonly name = 'FixtureError';
}

function readMeta(dir: string): { url: string; path: string } {
  const file = join(dir, 'meta.json');
  if (!existsSync(file)) throw new FixtureError(`${file} is missing: add { "url": "https://…", "path": "/…" }`);
  const meta = JSON.parse(readFileSync(file, 'utf8')) as { url?: unknown; path?: unknown };
  if (typeof meta.url !== 'string' || !/^https?:\/\//.test(meta.url))
    throw new FixtureError(`${file}: "url" must be an absolute http(s) URL`);
  if (typeof meta.path !== 'string' || !meta.path.startsWith('/'))
    throw new FixtureError(`${file}: "path" must start with "/"`);
  const u = new URL(meta.url);
  if (`${u.pathname}${u.search}` !== meta.path)
    throw new FixtureError(
      `${file}: "path" ${meta.path} is not the path and query of "url" (${u.pathname}${u.search})`,
    );
  return { url: meta.url, path: meta.path };
}

/** Every fixture, sorted by template then slug. `only` keeps those whose "template/slug" contains it. */
export function loadSiteFixtures(root = SITE_FIXTURES_DIR, only?: string): SiteFixture[] {
  const out: SiteFixture[] = [];
  for (const template of readdirSync(root).sort()) {
    const tdir = join(root, template);
    if (!statSync(tdir).isDirectory()) continue;
    for (const slug of readdirSync(tdir).sort()) {
      const dir = join(tdir, slug);
      if (!statSync(dir).isDirectory()) continue;
      if (only && !`${template}/${slug}`.includes(only)) continue;
      const source = join(dir, 'source.html');
      if (!existsSync(source)) throw new FixtureError(`${dir} has no source.html`);
      const { url, path } = readMeta(dir);
      const exp = join(dir, 'expected.json');
      const expected = existsSync(exp) ? (JSON.parse(readFileSync(exp, 'utf8')) as ParseResult) : null;
      out.push({ template, slug, dir, url, path, html: readFileSync(source, 'utf8'), expected });
    }
  }
  return out;
}
