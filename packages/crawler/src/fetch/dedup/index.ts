export {
  type DedupCandidate,
  type DedupIndex,
  type DuplicateMatch,
  MemoryDedupIndex,
  type MemoryDedupIndexOptions,
} from './dedup-index.js';
export { htmlText } from './html-text.js';
export {
  decodeSignature,
  encodeSignature,
  estimateJaccard,
  MINHASH_SIZE,
  minhashSignature,
} from './minhash.js';
export { contentHash, pageBodyText, pageMainText } from './page-text.js';
export { shingleJaccard, shingles, shingleWords } from './shingles.js';
