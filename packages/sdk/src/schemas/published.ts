/**
 * Checks of our own that zod publishes as it would its own. zod's JSON Schema reads what a
 * schema's checks leave in its bag when attached (`format`, `patterns`, `minimum`, `maximum`), so
 * a refine that leaves there what `z.regex`, `z.maxLength` or `z.uuid` would is written into the
 * contract the same: the browser then carries one refine instead of a class per kind of check.
 */
import * as z from 'zod/mini';

/** What zod's JSON Schema reads from a schema's bag. */
export interface Bag {
  format?: string;
  patterns?: Set<RegExp>;
  minimum?: number;
  maximum?: number;
}

/** `check`, which on attaching writes into the schema's bag. */
export function annotate<C extends z.core.$ZodCheck<never>>(check: C, write: (bag: Bag) => void): C {
  check._zod.onattach.push((inst) => write(inst._zod.bag));
  return check;
}

/** A string check that `re` matches, published as a `pattern` (`z.regex(re, message)`). */
export const pattern = (re: RegExp, message?: string) =>
  annotate(
    z.refine<string>((v) => re.test(v), message),
    (bag) => void (bag.patterns ??= new Set()).add(re),
  );

/** A lower bound of `size(value)`, published as `minimum` (`minLength` of a string); the tightest bound wins, as in zod. */
const least =
  <T>(size: (v: T) => number) =>
  (min: number, message?: string) =>
    annotate(
      z.refine<T>((v) => size(v) >= min, message),
      (bag) => void (bag.minimum === undefined || min > bag.minimum ? (bag.minimum = min) : 0),
    );

/** An upper bound of `size(value)`, published as `maximum` (`maxLength` of a string). */
const most =
  <T>(size: (v: T) => number) =>
  (max: number, message?: string) =>
    annotate(
      z.refine<T>((v) => size(v) <= max, message),
      (bag) => void (bag.maximum === undefined || max < bag.maximum ? (bag.maximum = max) : 0),
    );

/** `z.gte(min, message)` and `z.lte(max, message)`. */
export const atLeast = least<number>((v) => v);
export const atMost = most<number>((v) => v);

/**
 * Characters as zod 4 counts them, in code points: an emoji is one, a lone surrogate one too (as
 * the string iterator sees them). The iterator only runs when there is a surrogate.
 */
const codePoints = (v: string) => (/[\ud800-\udbff]/.test(v) ? [...v].length : v.length);

/** `z.minLength(min, message)` and `z.maxLength(max, message)` of a string. */
export const minLength = least(codePoints);
export const maxLength = most(codePoints);
