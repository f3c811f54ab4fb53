// Element ids that are unique within a build and the same on every build.
let counter = 0;

/** A fresh id with a readable prefix, e.g. "term-token-3". */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
