/**
 * Field-level rules shared by the document and plan schemas. Each rule that zod cannot express on its own is a
 * refinement carrying a stable Kartta issue code in `params.code`, which the issue mapper reads.
 */
import { z } from 'zod';
import { isJsonObject } from './json.js';

/** Longest text accepted in a name, description or other free-text field. */
export const MAX_TEXT = 10_000;
/** Longest id accepted. */
export const MAX_ID = 200;

const ID_PATTERN = /^[^\s\p{Cc}]+$/u;

/** An entity id: 1 to 200 characters, no white space or control characters. */
export const idSchema = z
  .string()
  .min(1)
  .max(MAX_ID)
  .refine((value) => ID_PATTERN.test(value), {
    params: { code: 'id.invalid' },
    message: 'an id must not contain white space or control characters',
  })
  .meta({
    pattern: '^[^\\s\\p{Cc}]+$',
    description: 'An id: no white space or control characters, unique across the document.',
  });

/** A reference to another entity's id; existence and kind are checked by the semantic validator. */
export const refSchema = z.string().min(1).max(MAX_ID);

/** Free text: a non-empty string of at most {@link MAX_TEXT} characters. */
export const textSchema = z.string().min(1).max(MAX_TEXT);

/**
 * True when `value` is an ISO date `YYYY-MM-DD` that exists in the calendar.
 *
 * @example
 * ```ts
 * import { isIsoDate } from 'kartta';
 * isIsoDate('2024-02-29'); // true
 * isIsoDate('2022-02-30'); // false
 * ```
 *
 * @category Format
 */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/** An ISO calendar date, `YYYY-MM-DD`, that exists (`2022-02-30` does not). */
export const dateSchema = z
  .string()
  .max(10)
  .refine(isIsoDate, {
    params: { code: 'date.invalid' },
    message: 'expected an existing calendar date as YYYY-MM-DD',
  })
  .meta({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/**
 * True when `value` is a Finnish business id (Y-tunnus) `NNNNNNN-C` whose check digit is right: the seven
 * digits weighted 7, 9, 10, 5, 8, 4, 2, the sum modulo 11 is 0 (check 0) or 2..10 (check 11 minus it).
 *
 * @example
 * ```ts
 * import { isValidBusinessId } from 'kartta';
 * isValidBusinessId('0187690-1'); // true (Oulu)
 * isValidBusinessId('0187690-2'); // false
 * ```
 *
 * @category Format
 */
export function isValidBusinessId(value: string): boolean {
  const match = /^(\d{7})-(\d)$/.exec(value);
  if (!match) return false;
  const digits = match[1] as string;
  const weights = [7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(digits[i]) * (weights[i] as number);
  const remainder = sum % 11;
  if (remainder === 1) return false;
  const check = remainder === 0 ? 0 : 11 - remainder;
  return check === Number(match[2]);
}

export const businessIdSchema = z
  .string()
  .max(9)
  .refine(isValidBusinessId, {
    params: { code: 'business-id.invalid' },
    message: 'expected a Y-tunnus NNNNNNN-C with a valid check digit',
  })
  .meta({
    pattern: '^\\d{7}-\\d$',
    description: 'Finnish business id (Y-tunnus); the loader also checks the check digit.',
  });

export const municipalityCodeSchema = z
  .string()
  .refine((value) => /^\d{3}$/.test(value), {
    params: { code: 'municipality-code.invalid' },
    message: 'expected a three-digit municipality code such as "564"',
  })
  .meta({ pattern: '^\\d{3}$' });

const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/** A name: one string, or an object of language codes (`fi`, `sv`, `se`, `en`, ...) to strings. */
export const nameSchema = z.union([
  textSchema,
  z
    .record(
      z
        .string()
        .refine((key) => LANGUAGE_PATTERN.test(key), {
          params: { code: 'name.language-invalid' },
          message: 'expected a language code such as "fi", "sv", "se" or "en"',
        })
        .meta({ pattern: LANGUAGE_PATTERN.source }),
      textSchema,
    )
    .refine((value) => Object.keys(value).length > 0, {
      params: { code: 'name.empty' },
      message: 'a name object needs at least one language',
    })
    .meta({ minProperties: 1 }),
]);

/** The free extension object `x`: any JSON object, kept exactly as given. */
export const extensionSchema = z.custom<Record<string, unknown>>((value) => isJsonObject(value), {
  params: { code: 'extension.invalid' },
  message: 'x must be a JSON object of at most 64 levels, with finite numbers',
});

export const criticalitySchema = z.enum(['low', 'medium', 'high', 'critical']);
