/**
 * VNI Windows (the VNI-Times fonts) as it reads after the bytes were decoded as Windows-1252. A toned or modified
 * vowel is the ASCII base letter followed by one "modifier" byte; i, ỵ, ơ, ư and đ have single bytes.
 * Rows are lower case; ./codec.ts derives the capitals (capital base, modifier in either case → capital letter)
 * and checks that every result is one NFC letter and that no sequence is listed twice.
 */

/** [base, modifier, result]: a two-character sequence. */
export const VNI_PAIRS: readonly (readonly [string, string, string])[] = [
  // tone modifiers: ù sắc, ø huyền, û hỏi, õ ngã, ï nặng
  ['a', 'ù', 'á'],
  ['a', 'ø', 'à'],
  ['a', 'û', 'ả'],
  ['a', 'õ', 'ã'],
  ['a', 'ï', 'ạ'],
  ['e', 'ù', 'é'],
  ['e', 'ø', 'è'],
  ['e', 'û', 'ẻ'],
  ['e', 'õ', 'ẽ'],
  ['e', 'ï', 'ẹ'],
  ['o', 'ù', 'ó'],
  ['o', 'ø', 'ò'],
  ['o', 'û', 'ỏ'],
  ['o', 'õ', 'õ'],
  ['o', 'ï', 'ọ'],
  ['u', 'ù', 'ú'],
  ['u', 'ø', 'ù'],
  ['u', 'û', 'ủ'],
  ['u', 'õ', 'ũ'],
  ['u', 'ï', 'ụ'],
  ['y', 'ù', 'ý'],
  ['y', 'ø', 'ỳ'],
  ['y', 'û', 'ỷ'],
  ['y', 'õ', 'ỹ'],
  ['ô', 'ù', 'ớ'], // ô is VNI's ơ
  ['ô', 'ø', 'ờ'],
  ['ô', 'û', 'ở'],
  ['ô', 'õ', 'ỡ'],
  ['ô', 'ï', 'ợ'],
  ['ö', 'ù', 'ứ'], // ö is VNI's ư
  ['ö', 'ø', 'ừ'],
  ['ö', 'û', 'ử'],
  ['ö', 'õ', 'ữ'],
  ['ö', 'ï', 'ự'],
  // circumflex: â alone, then á sắc, à huyền, å hỏi, ã ngã, ä nặng
  ['a', 'â', 'â'],
  ['a', 'á', 'ấ'],
  ['a', 'à', 'ầ'],
  ['a', 'å', 'ẩ'],
  ['a', 'ã', 'ẫ'],
  ['a', 'ä', 'ậ'],
  ['e', 'â', 'ê'],
  ['e', 'á', 'ế'],
  ['e', 'à', 'ề'],
  ['e', 'å', 'ể'],
  ['e', 'ã', 'ễ'],
  ['e', 'ä', 'ệ'],
  ['o', 'â', 'ô'],
  ['o', 'á', 'ố'],
  ['o', 'à', 'ồ'],
  ['o', 'å', 'ổ'],
  ['o', 'ã', 'ỗ'],
  ['o', 'ä', 'ộ'],
  // breve: ê alone, then é sắc, è huyền, ú hỏi, ü ngã, ë nặng
  ['a', 'ê', 'ă'],
  ['a', 'é', 'ắ'],
  ['a', 'è', 'ằ'],
  ['a', 'ú', 'ẳ'],
  ['a', 'ü', 'ẵ'],
  ['a', 'ë', 'ặ'],
];

/** [byte as a character, result]: letters with a single byte. */
export const VNI_SINGLES: readonly (readonly [string, string])[] = [
  ['í', 'í'],
  ['ì', 'ì'],
  ['æ', 'ỉ'],
  ['ó', 'ĩ'],
  ['ò', 'ị'],
  ['î', 'ỵ'],
  ['ô', 'ơ'],
  ['ö', 'ư'],
  ['ñ', 'đ'],
];
