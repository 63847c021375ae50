import { decodeDocument, Fetcher, parse } from '@vnevents/crawler';
import type { ExtractInput } from '@vnevents/extractor';
import { articleText } from '@vnevents/schema';

/** An HTML page → the extractor's input, through the crawler's article parser. */
export function inputFromHtmlText(html: string, url: string): ExtractInput {
  const a = parse(html, url);
  if ('notArticle' in a) throw new Error(`not an article (${a.notArticle}): ${a.detail}`);
  return { text: articleText(a), title: a.title, publishedAt: a.publishedAt, url: a.url, site: a.site, lang: a.lang };
}

/** A saved HTML file → the extractor's input, through the crawler's charset detection (BOM, meta, sniffing). */
export async function inputFromHtml(raw: Buffer, url: string): Promise<ExtractInput> {
  const { text } = decodeDocument(raw);
  return inputFromHtmlText(text, url.startsWith('file:') ? 'https://local.invalid/page' : url);
}

/** Fetches one URL politely (robots.txt, timeouts, size limit, retries) and parses it. */
export async function inputFromUrl(url: string, opts: { allowPrivateNetwork?: boolean } = {}): Promise<ExtractInput> {
  const page = await new Fetcher().fetchPage(url, { site: { allowPrivateNetwork: opts.allowPrivateNetwork ?? false } });
  if (page.notModified) throw new Error(`${url}: not modified`);
  return inputFromHtmlText(page.html, page.url);
}
