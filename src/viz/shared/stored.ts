// Checks for values read back from browser storage, which may be old, hand-edited or another
// version's: each returns a type guard, and guards combine into records and lists.

/** A guard: whether a stored value has the shape a widget can use. */
export type Guard<T> = (x: unknown) => x is T;

/** A string of at most `max` characters. */
export const textUpTo = (max: number): Guard<string> => (x): x is string => typeof x === 'string' && x.length <= max;

/** A finite number in [min, max], a whole one if `whole`. */
export const numberIn = (min: number, max: number, whole = false): Guard<number> => (x): x is number =>
  typeof x === 'number' && Number.isFinite(x) && x >= min && x <= max && (!whole || Number.isInteger(x));

/** A list of exactly `length` items, each passing `item`. */
export const listOf = <T>(length: number, item: (x: unknown, i: number) => boolean): Guard<T[]> => (x): x is T[] =>
  Array.isArray(x) && x.length === length && x.every((v, i) => item(v, i));

/** A plain object with exactly these fields, each passing its guard. */
export function recordOf<T extends Record<string, unknown>>(fields: { [K in keyof T]: Guard<T[K]> }): Guard<T> {
  const keys = Object.keys(fields).sort();
  return (x): x is T => {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
    const own = Object.keys(x).sort();
    return own.length === keys.length && own.every((k, i) => k === keys[i] && fields[k as keyof T]((x as Record<string, unknown>)[k]));
  };
}
