/**
 * The structural view of htmlparser2/domhandler nodes that the parser relies on. Declared here rather than
 * imported because domhandler is cheerio's dependency, not ours; `loadDom` casts once at the boundary.
 */
import { type CheerioAPI, load } from 'cheerio/slim';

export interface DomNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  data?: string;
  parent?: DomNode | null;
}

export interface LoadedDom {
  $: CheerioAPI;
  root: DomNode;
}

/** Parses with htmlparser2 (fast, forgiving, no recursion on deep trees). */
export function loadDom(html: string): LoadedDom {
  const $ = load(html);
  return { $, root: $.root()[0] as unknown as DomNode };
}

export function isElement(n: DomNode): boolean {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

export function attr(n: DomNode, name: string): string | undefined {
  return n.attribs?.[name];
}

/** Text of a subtree without recursion (domutils' textContent recurses and overflows on deep pages). */
export function textContent(node: DomNode, limit = 100_000): string {
  let out = '';
  const stack: DomNode[] = [node];
  while (stack.length > 0 && out.length < limit) {
    const n = stack.pop()!;
    if (n.type === 'text') out += n.data ?? '';
    else if (n.type === 'tag' && (n.name === 'br' || n.name === 'p' || n.name === 'div' || n.name === 'li')) {
      out += ' ';
      if (n.children) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    } else if (n.children && n.type !== 'script' && n.type !== 'style' && n.type !== 'comment')
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}
