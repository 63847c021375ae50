import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { escapeHtml, pageHtml } from './generated-content.js';
import { type Route, send } from './route-context.js';

const NAME = /^[a-z0-9][a-z0-9._-]*$/i;

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false; // a missing golden page is a 404, not an error
  }
}

/** Every <template>/<slug> under root that has a source.html. */
export async function listGoldenPages(root: string): Promise<{ template: string; slug: string }[]> {
  let templates: string[];
  try {
    templates = (await readdir(root)).filter((t) => NAME.test(t)).sort();
  } catch {
    return []; // no fixtures/sites folder yet: nothing to serve
  }
  const out: { template: string; slug: string }[] = [];
  for (const template of templates) {
    let slugs: string[];
    try {
      slugs = (await readdir(join(root, template))).filter((s) => NAME.test(s)).sort();
    } catch {
      continue; // a file next to the template folders
    }
    for (const slug of slugs) if (await isFile(join(root, template, slug, 'source.html'))) out.push({ template, slug });
  }
  return out;
}

/**
 * Golden pages of fixtures/sites: /<template>/<slug>/ serves <root>/<template>/<slug>/source.html as it is
 * (bytes untouched, no charset in the header, so the page's own <meta> decides); /_fixtures/ lists them all
 * with `a.fixture` links, a listing page for crawl demos.
 */
export const goldenRoute: Route = async (ctx) => {
  if (ctx.url.pathname === '/_fixtures/') {
    const pages = await listGoldenPages(ctx.state.root);
    const items = pages
      .map(
        (p) =>
          `<li><a class="fixture" href="/${p.template}/${p.slug}/">${escapeHtml(`${p.template}/${p.slug}`)}</a></li>`,
      )
      .join('\n');
    return send(ctx, 200, pageHtml('Fixtures', `<ul class="fixtures">${items}</ul>`, { siteName: 'fixtures' }));
  }
  const m = /^\/([^/]+)\/([^/]+)\/$/.exec(ctx.url.pathname);
  if (!m || !NAME.test(m[1]!) || !NAME.test(m[2]!) || m[1] === 'chuyen-muc') return false;
  const file = join(ctx.state.root, m[1]!, m[2]!, 'source.html');
  if (!(await isFile(file))) return false;
  return send(ctx, 200, await readFile(file), { 'content-type': 'text/html' });
};
