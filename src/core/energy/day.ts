import { today, type Ctx } from '../context.js';
import { invalid } from '../errors.js';

/**
 * The day something was felt or happened: today by default, never a day still to come, since
 * energy, conversations and pulses record what was, not what is planned.
 */
export function pastOrToday(ctx: Ctx, day: string | undefined, what: string): string {
  const now = today(ctx);
  const chosen = day ?? now;
  if (chosen > now) {
    throw invalid('day', `${chosen} has not happened yet; ${what} can be logged for today (${now}) or an earlier day.`);
  }
  return chosen;
}
