import iconv from 'iconv-lite';

const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

function encodable(ch: string, charset: string): Buffer | null {
  const bytes = iconv.encode(ch, charset);
  return iconv.decode(bytes, charset) === ch ? bytes : null;
}

/**
 * Encodes Vietnamese text the way old sites stored it, to serve realistic legacy pages:
 * windows-1258 has precomposed base letters (â, ê, ô, ơ, ư, ă, đ and a few toned ones) and combining tone
 * marks; each character is written precomposed when possible, else as base letter + combining tone.
 */
export function encodeWindows1258(text: string): Buffer {
  const parts: Buffer[] = [];
  for (const ch of text.normalize('NFC')) {
    const direct = encodable(ch, 'windows-1258');
    if (direct) {
      parts.push(direct);
      continue;
    }
    const nfd = ch.normalize('NFD');
    const tones = [...nfd].filter((c) => TONE_MARKS.has(c));
    const base = [...nfd]
      .filter((c) => !TONE_MARKS.has(c))
      .join('')
      .normalize('NFC');
    const encoded = [base, ...tones].map((c) => encodable(c, 'windows-1258'));
    if (encoded.some((b) => b === null)) throw new Error(`cannot encode ${JSON.stringify(ch)} in windows-1258`);
    parts.push(...(encoded as Buffer[]));
  }
  return Buffer.concat(parts);
}

/**
 * Encodes text in TCVN3 (TCVN 5712:1993, VN3 — the ".VnTime" font encoding). VN3 has no upper-case letters
 * with tone marks (sites used a separate ".VnTimeH" font), so callers should keep those out of the text.
 */
export function encodeTcvn3(text: string): Buffer {
  return iconv.encode(text.normalize('NFC'), 'tcvn');
}
