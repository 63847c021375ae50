export { classifyError, httpStatusError } from './classify-error.js';
export {
  CrawlError,
  CriticalError,
  ErrorKind,
  NonRetryableError,
  RetryableError,
  ThrottledError,
} from './crawl-errors.js';
