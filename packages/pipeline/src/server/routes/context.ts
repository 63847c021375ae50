import type { Store } from '@vnevents/store';

/** What the routes read from: the store, read-only (they call only its query methods). */
export interface RouteContext {
  store: Store;
  /** Whether a bearer token protects the data routes (marks them in the OpenAPI document). */
  secured: boolean;
}
