/**
 * Building blocks of the routes' input schemas, written so that the generated OpenAPI document says
 * exactly what the server accepts: every id has a format and a length, years are plain decimal
 * integers in a configured range, and free text is trimmed after it is checked.
 */
import { z } from 'zod';

/**
 * JSON Schemas that the OpenAPI generator uses instead of the one zod would derive, for inputs whose
 * wire form differs from their zod type (a path parameter is a string on the wire; the document
 * states the integer it must spell).
 */
export const wireSchemas = z.registry<{ readonly jsonSchema: Readonly<Record<string, unknown>> }>();

/** The years the system takes in paths and queries; configuration, one place for every route. */
export const yearRange = { min: 2000, max: 2100 } as const;

/** A unit id: the lower-case UUID the signing service gives every unit. */
export const UnitId = z
  .string()
  .max(36)
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, '单位编号格式不正确 / not a unit id')
  .meta({ description: 'A unit id (a lower-case UUID)', examples: ['0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e6f'] });

/** The id of something the system made (a person, a post, a list, a letter): a lower-case UUID. */
export const Id = (what: string) =>
  z
    .string()
    .max(36)
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, `${what}编号格式不正确 / not an id`)
    .meta({ description: `A ${what} id (a lower-case UUID)`, examples: ['0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e70'] });

/** A calendar date, `YYYY-MM-DD`, that exists (no 30 February), within {@link yearRange}. */
export const CalendarDate = z.iso
  .date('日期须为 YYYY-MM-DD 格式的有效日期 / a date is YYYY-MM-DD')
  .refine((d) => Number(d.slice(0, 4)) >= yearRange.min && Number(d.slice(0, 4)) <= yearRange.max, `年份须在 ${yearRange.min}–${yearRange.max} 之间`)
  .meta({ examples: ['2027-01-05'] });
wireSchemas.add(CalendarDate, {
  jsonSchema: { type: 'string', format: 'date', pattern: '^(20[0-9]{2}|2100)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', examples: ['2027-01-05'] },
});

/** A year in a JSON body: an integer within {@link yearRange}. */
export const Year = z.number().int().min(yearRange.min).max(yearRange.max).meta({ examples: [2027] });

/**
 * A year as a path or query parameter: a plain decimal integer (no sign, no leading zero, no
 * padding, no hex) within {@link yearRange}. The handler receives a number.
 */
export const YearParam = z
  .string()
  .regex(/^[1-9][0-9]{3}$/, '年份须为四位十进制整数 / a year is a plain four-digit number')
  .transform(Number)
  .pipe(z.number().int().min(yearRange.min).max(yearRange.max))
  .meta({ examples: ['2026'] });
wireSchemas.add(YearParam, { jsonSchema: { type: 'integer', minimum: yearRange.min, maximum: yearRange.max } });

/**
 * Free text that must have a visible character and at most `max` characters as sent; leading and
 * trailing white space is removed after the checks, so the document's limits are the server's.
 * Characters are counted as JSON Schema's `maxLength` counts them, in code points, not UTF-16 units.
 */
export const Text = (max: number) => {
  const description = `At most ${max} characters, at least one not white space; leading and trailing white space is removed`;
  const schema = z
    .string()
    .refine((s) => codePoints(s) <= max, `最多 ${max} 个字符 / at most ${max} characters`)
    .regex(/\S/, '不能为空 / must not be blank')
    .trim()
    .meta({ description });
  wireSchemas.add(schema, { jsonSchema: { type: 'string', maxLength: max, pattern: '\\S', description } });
  return schema;
};

/** A string of at most `max` code points, possibly empty, kept as sent. */
export const LongText = (max: number) => {
  const schema = z.string().refine((s) => codePoints(s) <= max, `最多 ${max} 个字符 / at most ${max} characters`);
  wireSchemas.add(schema, { jsonSchema: { type: 'string', maxLength: max } });
  return schema;
};

const codePoints = (s: string): number => {
  let count = 0;
  for (const _ of s) count++;
  return count;
};

/** A moment with its offset, ISO 8601 (`2027-03-20T09:00:00+08:00`), within {@link yearRange}. The handler receives a Date. */
export const Instant = z.iso
  .datetime({ offset: true, message: '时间须为带时区的 ISO 8601 格式，如 2027-03-20T09:00:00+08:00 / a date-time with its offset' })
  .refine((d) => Number(d.slice(0, 4)) >= yearRange.min && Number(d.slice(0, 4)) <= yearRange.max, `年份须在 ${yearRange.min}–${yearRange.max} 之间`)
  .transform((d) => new Date(d))
  .meta({ examples: ['2027-03-20T09:00:00+08:00'] });
wireSchemas.add(Instant, { jsonSchema: { type: 'string', format: 'date-time', pattern: '^(20[0-9]{2}|2100)-', examples: ['2027-03-20T09:00:00+08:00'] } });

/** A month, `YYYY-MM`, within {@link yearRange}. */
export const Month = z
  .string()
  .regex(/^(20[0-9]{2}|2100)-(0[1-9]|1[0-2])$/, '月份须为 YYYY-MM 格式 / a month is YYYY-MM')
  .meta({ examples: ['2027-04'] });

/** A quarter in a body: 1 to 4. */
export const QuarterNumber = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).meta({ examples: [1] });

/** A quarter as a path parameter: `1` to `4`; the handler receives a number. */
export const QuarterParam = z
  .enum(['1', '2', '3', '4'])
  .transform((q) => Number(q) as 1 | 2 | 3 | 4)
  .meta({ examples: ['1'] });
wireSchemas.add(QuarterParam, { jsonSchema: { type: 'integer', minimum: 1, maximum: 4, examples: [1] } });
