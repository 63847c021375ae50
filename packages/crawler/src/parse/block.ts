import { normaliseLines } from './text.js';

/** A run of inline text inside one block-level element (or an image). */
export class Block {
  private norm: string | null;
  /** Memo for "is this block a dateline" (asked by the body and by the date finder). */
  metaLine: boolean | null = null;
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
    readonly align: 'center' | 'right' | null,
    readonly commas: number,
  ) {
    this.norm = raw === '' ? '' : null;
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
