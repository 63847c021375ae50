export * from './cursor.js';
export * from './errors.js';
export * from './fold.js';
export * from './migrations/index.js';
export * from './open-store.js';
export { NAME_THRESHOLD, type NameForm, nameForm, samePersonScore } from './people/name-form.js';
export * from './place.js';
export {
  DIFF_FIELDS,
  type DiffField,
  type EventRef,
  type FieldChange,
  type RunDiff,
  type RunDiffOptions,
} from './read/run-diff.js';
export type { Dialect } from './sql/driver.js';
export * from './store.js';
export * from './types.js';
