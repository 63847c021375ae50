import { type ExtractInput } from '@vnevents/extractor';
import { articleText } from '@vnevents/schema';
import { decodeBody, fetchPage, parse } from '@vnevents/crawler';

/** An HTML page → the extractor's input, through the crawler's charset detection and article parser. */
export async function inputFromHtml(raw: Buffer, url: string): Promise<ExtractInput> {
  const { text: html } = decodeBody(raw, null);
  const a = parse(html, url.startsWith('file:') ? 'https://local.invalid/page' : url);
  if ('notArticle' in a) throw new Error(`not an article (${a.notArticle}): ${a.detail}`);
  return { text: articleText(a), title: a.title, publishedAt: a.publishedAt, url: a.url, site: a.site, lang: a.lang };
}

/** Fetches one URL politely (robots.txt, timeouts, size limit) and parses it. */
export async function inputFromUrl(url: string): Promise<ExtractInput> {
  const page = await fetchPage(url);
  return inputFromHtml(page.body, page.url);
}
