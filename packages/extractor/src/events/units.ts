import type { DocLexicon } from './doc-lexicon.js';

export interface UnitPhrase {
  name: string;
  start: number;
  end: number;
}

const CAP_WORD = /^[ ](?:\p{Lu}[\p{Ll}\p{M}]*|\d+)(?=[\s,.;:)“”"–-]|$)/u;
const LEVEL =
  /^[ ](?:tỉnh|huyện|thị xã|thành phố|TP\.?|quận|xã|phường|thị trấn|Trung ương|trung ương|Tỉnh|Huyện|Xã)(?=[\s,.;:)]|$)/u;
const LOWER_TAIL = /^[ ](?:các cơ quan Nhà nước|các cơ quan nhà nước|cơ sở|các cấp)(?=[\s,.;:)]|$)/u;
/** A place word that is a unit by itself ("huyện Đầm Hà", "xã Tân Bình"). */
const PLACE_UNIT =
  /^(?:tỉnh|huyện|thị xã|thành phố|quận|xã|phường|thị trấn|Tỉnh|Huyện|Thị xã|Thành phố|Quận|Xã|Phường|Thị trấn)[ ]\p{Lu}/u;

/**
 * The unit name that starts at `pos`: a lexicon head ("Ban Thường vụ", "Sở Tài nguyên và Môi trường", "Thanh tra")
 * chained with further heads ("… Huyện ủy") and a place ("tỉnh Thái Bình", "Mường Ảng"); or a place unit
 * ("huyện Đầm Hà"). Returns null when no unit starts there.
 */
export function unitPhraseAt(text: string, pos: number, lex: DocLexicon): UnitPhrase | null {
  let end = lex.unitEndAt(pos);
  if (end < 0) {
    if (!PLACE_UNIT.test(text.slice(pos, pos + 16))) return null;
    end = pos + text.slice(pos).indexOf(' ');
  }
  for (let guard = 0; guard < 12; guard++) {
    const rest = text.slice(end, end + 60);
    if (rest.startsWith(' ')) {
      const chained = lex.unitEndAt(end + 1);
      if (chained > 0) {
        end = chained;
        continue;
      }
    }
    const lvl = LEVEL.exec(rest);
    if (lvl) {
      end += lvl[0].length;
      continue;
    }
    const cap = CAP_WORD.exec(rest);
    if (cap && lex.titleEndAt(end + 1) < 0) {
      end += cap[0].length;
      continue;
    }
    const low = LOWER_TAIL.exec(rest);
    if (low) {
      end += low[0].length;
      continue;
    }
    break;
  }
  return { name: text.slice(pos, end), start: pos, end };
}

const PROVINCE_QUALIFIER = /^(?:tỉnh|thành phố|Tỉnh|Thành phố)\s/u;
const LOWER_UNIT =
  /(?:huyện|Huyện|Huyên|quận|Quận|thị xã|Thị xã|Thị|xã|Xã|phường|Phường|thị trấn|Thị trấn|ủy|uỷ)\s\p{Lu}/u;

/** A list of units: "A, B và C", each a unit phrase. Stops at the first element that is not a unit. */
export function unitListAt(text: string, pos: number, lex: DocLexicon): UnitPhrase[] {
  const out: UnitPhrase[] = [];
  let at = pos;
  for (;;) {
    const u = unitPhraseAt(text, at, lex);
    if (!u) break;
    // "Huyện ủy Châu Thành, tỉnh Long An": a province after a lower unit places it; it is not another unit.
    if (out.length && PROVINCE_QUALIFIER.test(u.name) && LOWER_UNIT.test(out[out.length - 1]!.name)) break;
    out.push(u);
    const sep = /^(?:,\s*|\s+và\s+|\s*;\s*)/u.exec(text.slice(u.end, u.end + 8));
    if (!sep) break;
    at = u.end + sep[0].length;
  }
  return out;
}

/** Syllable count, for "a unit of at least three syllables" decisions. */
export const syllables = (s: string) => s.split(/\s+/).filter(Boolean).length;
