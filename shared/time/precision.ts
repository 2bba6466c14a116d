import { z } from 'zod';

/** How exactly a time is known. `day`: some time that day; `month`: some time that month; `approx`: around the value given. */
export const Precision = z.enum(['exact', 'day', 'month', 'approx']);
export type Precision = z.infer<typeof Precision>;

const localDate = /^\d{4}-\d{2}-\d{2}$/;
const localMonth = /^\d{4}-\d{2}$/;
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A time as the data knows it. `value` is an ISO instant with offset for `exact` (and `approx` with a time),
 * `YYYY-MM-DD` for `day` (and `approx` with a date), `YYYY-MM` for `month`. Never a fabricated midnight.
 */
export const TimeValue = z
  .object({ value: z.string(), precision: Precision })
  .refine(
    (t) =>
      t.precision === 'month'
        ? localMonth.test(t.value)
        : t.precision === 'day'
          ? localDate.test(t.value)
          : t.precision === 'exact'
            ? isoInstant.test(t.value)
            : localDate.test(t.value) || isoInstant.test(t.value),
    { message: 'time value does not match its precision' },
  );
export type TimeValue = z.infer<typeof TimeValue>;

/** True when the value carries a clock time (so it may be shown with hours and minutes). */
export function hasClockTime(t: TimeValue): boolean {
  return t.value.includes('T');
}
