import type { DatelineHit } from './dates.js';
import { normaliseLines } from './text.js';

const ALIGN_STYLE = /text-align\s*:\s*(center|right)/i;

function alignOf(a: Record<string, string> | null): 'center' | 'right' | null {
  if (!a) return null;
  const al = (a['align'] ?? '').toLowerCase();
  if (al === 'center' || al === 'right') return al;
  const style = a['style'];
  if (style === undefined) return null;
  const m = ALIGN_STYLE.exec(style);
  return m ? (m[1]!.toLowerCase() as 'center' | 'right') : null;
}

/** A run of inline text inside one block-level element (or an image). */
export class Block {
  private norm: string | null;
  /** Memo for "is this block a dateline" (asked by the body and by the date finder). */
  metaLine: boolean | null = null;
  /** The dates read from it when it is a dateline. */
  dateHits: DatelineHit[] | null = null;
  constructor(
    /** Index (in Scan.els) of the innermost block-level element holding the text; -1 for the document. */
    readonly owner: number,
    readonly img: boolean,
    /** An image too small to carry a caption (icons, bullets, logos). */
    readonly icon: boolean,
    /** The text as the page had it (not normalised): for cheap prefilters. */
    readonly raw: string,
    /** Visible characters (text nodes trimmed at their ends). */
    readonly len: number,
    readonly linkDensity: number,
    readonly emRatio: number,
    readonly strongRatio: number,
    /** 1–6 inside h1–h6, else 0. */
    readonly heading: number,
    /** Attributes of the owner element (for the alignment, read only when asked). */
    private readonly ownerAttribs: Record<string, string> | null,
    readonly commas: number,
  ) {
    this.norm = raw === '' ? '' : null;
  }

  private alignMemo: 'center' | 'right' | null | undefined;

  /** text-align (or align=) of the owner element: captions are centred, bylines often right-aligned. */
  get align(): 'center' | 'right' | null {
    if (this.alignMemo === undefined) this.alignMemo = alignOf(this.ownerAttribs);
    return this.alignMemo;
  }

  /**
   * Normalised text; lines separated by "\n", an empty line where the page had a paragraph break.
   * Computed on first use: most blocks of a page (menus, footers, sidebars) are never read.
   */
  get text(): string {
    if (this.norm === null) this.norm = normaliseLines(this.raw);
    return this.norm;
  }
}
