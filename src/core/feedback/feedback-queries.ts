import type { Selectable } from 'kysely';
import type { FeedbackTable } from '#db/schema.js';

export type FeedbackSource = FeedbackTable['source'];

export interface Feedback {
  id: string;
  source: FeedbackSource;
  content: string;
  day: string;
  contactId: string | null;
  goalId: string | null;
  experimentId: string | null;
  createdAt: string;
}

export function toFeedback(row: Selectable<FeedbackTable>): Feedback {
  return {
    id: row.id,
    source: row.source,
    content: row.content,
    day: row.day,
    contactId: row.contactId,
    goalId: row.goalId,
    experimentId: row.experimentId,
    createdAt: row.createdAt,
  };
}
