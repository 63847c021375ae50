import type { OfficialRole } from '@vnevents/schema';
import type { DocLexicon } from './doc-lexicon.js';

/** One mention of a person with the title written next to it. */
export interface OfficialMention {
  name: string;
  start: number;
  end: number;
  title: string | null;
  titleStart: number;
  titleEnd: number;
  /** Text right after the mention (title included) up to the clause end: "làm trưởng đoàn", "chủ trì" … */
  after: string;
  /** Text before the mention in its sentence. */
  before: string;
  role: OfficialRole;
  rule: string;
}

const CAP = '\\p{Lu}[\\p{Ll}\\p{M}]*';
const NAME_RUN = new RegExp(`${CAP}(?:[ ]${CAP})+`, 'gu');
const HONORIFIC = /(?:đồng chí|đ\/c|ông|bà|các đồng chí|Đồng chí|Ông|Bà|Các đồng chí)\s*$/u;
/** Words after which a title phrase ends: a verb of the event or a linking word. */
const TITLE_STOP =
  /\s(?:làm (?:trưởng|Trưởng|phó|Phó) đoàn|phát biểu|chủ trì|đồng chủ trì|dự(?![\p{L}\p{N}])|tham dự|đề nghị|ghi nhận|cho biết|kết luận|làm rõ|tại(?![\p{L}\p{N}])|đã(?![\p{L}\p{N}])|có(?![\p{L}\p{N}])|cùng(?![\p{L}\p{N}])|và các|nhấn mạnh|yêu cầu|báo cáo|trao(?![\p{L}\p{N}])|thăm(?![\p{L}\p{N}])|kiểm tra|giám sát|làm việc|tham gia|đánh giá|khẳng định|chỉ đạo|đến(?![\p{L}\p{N}])|dẫn đầu|làm trưởng|trình bày|thông tin|quán triệt|được(?![\p{L}\p{N}])|là(?![\p{L}\p{N}])|về(?![\p{L}\p{N}])|trong(?![\p{L}\p{N}])|khi(?![\p{L}\p{N}])|nêu(?![\p{L}\p{N}]))/u;
const MIDDLE_NAME = /^(?:Văn|Thị|Đức|Hữu|Ngọc|Quang|Xuân|Công|Đình|Bá|Trọng|Quốc|Hồng|Như|Duy|Tiến|Thành)$/u;
const NOT_A_NAME = /^(?:Vụ|Luật|Trưởng|Phó|Ban|Sở|Cục|Đoàn|Hội|Quỹ|Bộ|Viện|Trường|Việt|\p{Lu})$/u;
const HONORIFIC_WORD = /^(?:Ông|Bà|Anh|Chị|Đồng|Cô|Thầy|Cụ|Em)$/u;
const PLACE_BEFORE =
  /(?:tỉnh|huyện|xã|phường|thị trấn|thị xã|thành phố|quận|ủy|Ủy|uỷ|TP\.|bản|thôn|sông|núi|đèo|cầu|đường|phố|Trường|trường|chợ|phong cách|tư tưởng|Chủ tịch|Thành phố|Tỉnh|Huyện|Xã)\s$/u;
const SEP_AFTER = /^\s*(?:,|–|-|—)\s*/u;

function titlePhraseAfter(text: string, pos: number, lex: DocLexicon): { start: number; end: number } | null {
  const sep = SEP_AFTER.exec(text.slice(pos, pos + 4));
  if (!sep) return null;
  const start = pos + sep[0].length;
  if (lex.titleEndAt(start) < 0) return null;
  return { start, end: extendTitle(text, start, lex) };
}

/** From a title start, runs to the clause end, across ", Title" and ", Unit" chains. */
function extendTitle(text: string, start: number, lex: DocLexicon): number {
  const limit = Math.min(text.length, start + 240);
  let end = start;
  let seg = start;
  for (;;) {
    const rest = text.slice(seg, limit);
    const stopAt = rest.search(/[;.:()\n“”"]|,\s|\s[–—-]\s/u);
    const verb = TITLE_STOP.exec(rest);
    let segEnd = stopAt < 0 ? rest.length : stopAt;
    if (verb && verb.index < segEnd) segEnd = verb.index;
    end = seg + segEnd;
    const m = /^,\s/u.exec(text.slice(end, end + 2));
    if (!m || stopAt !== segEnd) break;
    const next = end + 2;
    if (lex.titleEndAt(next) < 0 && lex.unitEndAt(next) < 0) break;
    seg = next;
  }
  while (end > start && /[\s,]/u.test(text[end - 1]!)) end--;
  return end;
}

function titlePhraseBefore(text: string, clauseStart: number, nameStart: number, lex: DocLexicon) {
  const hits = lex.titlesIn(clauseStart, nameStart);
  for (const h of hits) {
    let end = nameStart;
    const gap = text.slice(h.end, nameStart);
    if (/[;.:]/u.test(gap)) continue;
    end -= /\s*[–—-]?\s*$/u.exec(text.slice(h.start, nameStart))![0].length;
    if (end > h.start) return { start: h.start, end };
  }
  return null;
}

/** Finds persons named with a title or an honorific, in [from, to). */
export function findOfficials(text: string, lex: DocLexicon, from = 0, to = text.length): OfficialMention[] {
  const out: OfficialMention[] = [];
  NAME_RUN.lastIndex = from;
  for (let m = NAME_RUN.exec(text); m && m.index < to; m = NAME_RUN.exec(text)) {
    const syll = m[0].split(' ');
    // The name ends the run ("… tỉnh Lâm Đồng Phạm Thanh Lâm"): the first surname from which 2–4 syllables remain;
    // when no known surname fits, the last 2–4 syllables (title or honorific context decides below).
    let i = syll.findIndex(
      (s, k) => lex.isSurname(s) && syll.length - k <= 4 && syll.length - k >= 2 && !HONORIFIC_WORD.test(s),
    );
    const known = i >= 0;
    if (!known) i = Math.max(0, syll.length - 4);
    // A middle name found as a "surname" ("Tao Văn Hùng"): the syllable before it is the surname.
    else if (i > 0 && syll.length - i < 4 && MIDDLE_NAME.test(syll[i]!)) i--;
    // Skip leading words that are titles, units or honorifics ("Phó Chủ", "Ông Vi Văn Thắng").
    const offsetOf = (k: number) => m!.index + (k ? syll.slice(0, k).join(' ').length + 1 : 0);
    while (
      i < syll.length - 1 &&
      (HONORIFIC_WORD.test(syll[i]!) || lex.titleEndAt(offsetOf(i)) >= 0 || lex.unitEndAt(offsetOf(i)) >= 0)
    )
      i++;
    while (syll.length - i >= 4 && lex.isPlace(`${syll[i]} ${syll[i + 1]}`)) i += 2;
    let nameSyll = syll.slice(i);
    for (let k = 1; k < nameSyll.length; k++) {
      const at = offsetOf(i + k);
      if (lex.titleEndAt(at) >= 0 || lex.unitEndAt(at) >= 0) {
        nameSyll = nameSyll.slice(0, k);
        break;
      }
    }
    if (nameSyll.length < 2 || nameSyll.length > 4 || NOT_A_NAME.test(nameSyll[0]!)) continue;
    const start = offsetOf(i);
    const name = nameSyll.join(' ');
    const end = start + name.length;
    const pre = text.slice(Math.max(0, start - 24), start);
    const placeBefore = PLACE_BEFORE.test(pre);
    const sentStart = Math.max(text.lastIndexOf('.', start - 1), text.lastIndexOf('\n', start - 1), from - 1) + 1;
    const clauseStart = Math.max(sentStart, text.lastIndexOf(';', start - 1) + 1, text.lastIndexOf(',', start - 1) + 1);
    const after = titlePhraseAfter(text, end, lex);
    const before = after ? null : titlePhraseBefore(text, clauseStart, start, lex);
    const honor = HONORIFIC.test(text.slice(Math.max(0, start - 16), start));
    const listed = /(?:;\s*)$/u.test(text.slice(Math.max(0, start - 3), start)) && after !== null;
    if (!after && !before && !honor && !listed) continue;
    // A place after a level word ("tỉnh Hà Giang") is no person unless a title is written right before it.
    if (placeBefore && !(before && before.end >= start - 3)) continue;
    if (!known && !after && !before && !honor) continue;
    if (lex.isPlace(name) && !(honor && known)) continue;
    const t = after ?? before;
    const clauseEndRel = text.slice(end).search(/[;.\n]/u);
    const clauseEnd = clauseEndRel < 0 ? text.length : end + clauseEndRel;
    out.push({
      name,
      start,
      end,
      title: t ? text.slice(t.start, t.end) : null,
      titleStart: t?.start ?? -1,
      titleEnd: t?.end ?? -1,
      after: text.slice(t && t.end > end ? t.end : end, Math.min(clauseEnd + 1, text.length)),
      before: text.slice(sentStart, t && t.start < start ? t.start : start),
      role: 'participant',
      rule: after
        ? 'official.name-title'
        : before
          ? 'official.title-name'
          : honor
            ? 'official.honorific'
            : 'official.list',
    });
  }
  return out;
}
