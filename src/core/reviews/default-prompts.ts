import type { ReviewKind } from '#contracts/reflection.js';

/** The questions every review asks before the workspace's own prompts. Written for this product. */
export const DEFAULT_PROMPTS: Record<ReviewKind, readonly string[]> = {
  weekly: [
    'What went well this week, and what made it work?',
    "What didn't go to plan, and what got in the way?",
    'What did I learn this week?',
    'What will I do differently next week?',
  ],
  monthly: [
    'Which results this month am I proudest of?',
    'Where did the month fall short of the plan, and why?',
    'What pattern shows up across the weeks?',
    'Is my goal, and the metric I follow for it, still the right bet for next month?',
  ],
};
