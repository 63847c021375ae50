/** Walks a DOM (cheerio/domhandler) iteratively and reports it as the open/text/close events of a parser. */
import type { DomNode } from './dom.js';

export interface ScanEvents {
  /** Returns false to skip the element's children (the matching close is still reported). */
  open(name: string, attribs: Record<string, string>, node: DomNode): boolean;
  text(data: string): void;
  close(): void;
}

export function walkDom(root: DomNode, sink: ScanEvents): void {
  const stack: { node: DomNode; i: number; descend: boolean }[] = [{ node: root, i: 0, descend: true }];
  while (stack.length > 0) {
    const f = stack[stack.length - 1]!;
    const kids = f.descend ? f.node.children : undefined;
    if (kids !== undefined && f.i < kids.length) {
      const c = kids[f.i++]!;
      if (c.type === 'text') sink.text(c.data ?? '');
      else if (c.type === 'tag' || c.type === 'script' || c.type === 'style') {
        const descend = sink.open(c.name ?? '', c.attribs ?? {}, c);
        stack.push({ node: c, i: 0, descend });
      }
      continue;
    }
    stack.pop();
    if (stack.length > 0) sink.close();
  }
}
