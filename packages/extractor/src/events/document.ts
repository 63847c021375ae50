import { parseDateline } from '../recognizers/dateline.js';
import { hoisted } from '../recognizers/hoist.js';
import { normalise } from '../text/normalise.js';
import { type EventRules, firstMatch } from './rules.js';

export type ParagraphRole = 'head' | 'dateline' | 'body' | 'caption';

/** A paragraph of the output text, with the role that decides what may be taken from it. */
export interface Paragraph {
  start: number;
  end: number;
  role: ParagraphRole;
  rule: string | null;
}

export interface Document {
  /** The normalised body text every span points into: clutter and bylines removed. */
  text: string;
  paragraphs: Paragraph[];
  /** The title: the given one, or the head line that reads as a headline. */
  title: { text: string; start: number; end: number } | null;
  /** ISO datetime from the page's dateline, when the input had none. */
  dateline: { iso: string; start: number; end: number } | null;
  conversion: string;
  /** Lines dropped from the text, with the rule that dropped them (for debugging and `extract --explain`). */
  dropped: { line: string; rule: string }[];
}

const ASKS = hoisted(/(?<![\p{L}\p{N}])(?:đề nghị|yêu cầu|kiến nghị|đề xuất)(?![\p{L}\p{N}])/iu);
const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;
const endsSentence = (s: string) => /[.!?…:;]["”’)]?$/u.test(s);

interface Line {
  text: string;
  role: ParagraphRole | 'clutter' | 'byline';
  rule: string | null;
}

/**
 * Reads a captured page (title first, dateline near the top, clutter around) into the text the extractor works on.
 * A line is dropped when it is navigation or a byline; kept lines get a role: head (title and banners before the
 * body), dateline, caption (photo captions between paragraphs) or body.
 */
export function readDocument(raw: string, rules: EventRules, givenTitle?: string | null): Document {
  const norm = normalise(raw);
  const lines: Line[] = norm.text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((text) => ({ text, role: 'body', rule: null }));

  let sawBody = false;
  let headCount = 0;
  for (const line of lines) {
    const clutter = firstMatch(rules.clutterLine, line.text);
    const dl = !sawBody ? parseDateline(line.text) : null;
    if (dl && wordCount(line.text.slice(0, dl.start) + line.text.slice(dl.end)) <= 8) {
      line.role = 'dateline';
      line.rule = 'doc.dateline';
      continue;
    }
    if (clutter) {
      line.role = 'clutter';
      line.rule = clutter.id;
      continue;
    }
    if (!sawBody && !endsSentence(line.text) && wordCount(line.text) <= 45 && headCount < 3) {
      line.role = 'head';
      line.rule = 'doc.head';
      headCount++;
      continue;
    }
    sawBody = true;
  }

  // Bylines: short name-like or credit lines after the last body paragraph.
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.role === 'clutter') continue;
    if (line.role !== 'body' || wordCount(line.text) > 12 || /[.!?]$/.test(line.text)) break;
    const by = firstMatch(rules.bylineLine, line.text);
    if (!by) break;
    line.role = 'byline';
    line.rule = by.id;
  }

  // Captions: short single statements between body paragraphs.
  for (const line of lines) {
    if (line.role !== 'body') continue;
    const n = wordCount(line.text);
    const cap = n <= 50 ? firstMatch(rules.captionLine, line.text) : undefined;
    const oneSentence = !/[.!?…]\s+\p{Lu}/u.test(line.text);
    // A request or a list is the speech itself, never the caption of a photo.
    if (ASKS.test(line.text) || line.text.includes(';')) continue;
    if (cap && oneSentence) {
      line.role = 'caption';
      line.rule = cap.id;
    } else if (n <= 25 && !endsSentence(line.text) && oneSentence) {
      line.role = 'caption';
      line.rule = 'caption.unterminated';
    }
  }

  const parts: string[] = [];
  const paragraphs: Paragraph[] = [];
  const dropped: Document['dropped'] = [];
  let offset = 0;
  for (const line of lines) {
    if (line.role === 'clutter' || line.role === 'byline') {
      dropped.push({ line: line.text, rule: line.rule ?? line.role });
      continue;
    }
    if (parts.length) offset += 2;
    paragraphs.push({ start: offset, end: offset + line.text.length, role: line.role, rule: line.rule });
    parts.push(line.text);
    offset += line.text.length;
  }
  const text = parts.join('\n\n');

  let title: Document['title'] = null;
  const heads = paragraphs.filter((p) => p.role === 'head');
  const pick =
    heads.find((p) => rules.eventType.some((r) => r.re.test(text.slice(p.start, p.end)))) ?? heads[heads.length - 1];
  if (givenTitle) {
    const t = normalise(givenTitle).text.trim();
    const at = heads.find((p) => text.slice(p.start, p.end) === t);
    title = at ? { text: t, start: at.start, end: at.end } : { text: t, start: -1, end: -1 };
  } else if (pick) title = { text: text.slice(pick.start, pick.end), start: pick.start, end: pick.end };

  let dateline: Document['dateline'] = null;
  const dp = paragraphs.find((p) => p.role === 'dateline');
  if (dp) {
    const d = parseDateline(text.slice(dp.start, dp.end));
    if (d) dateline = { iso: d.iso, start: dp.start + d.start, end: dp.start + d.end };
  }
  return { text, paragraphs, title, dateline, conversion: norm.conversion, dropped };
}
