import { createLink } from '#core/reports/report-links.js';
import type { Samples, Seeder } from '../samples.js';

export const seed: Seeder = async (ctx, ids) => {
  ids.reportShare = (await createLink(ctx, 'reportShares', {})).link.id;
  ids.calendarFeed = (await createLink(ctx, 'calendarFeeds', { expiresInDays: 30 })).link.id;
};

export const samples: Samples = {
  weeklyReport: () => ({ scope: 'team' }),
  createReportShare: () => ({ expiresInDays: 7 }),
  listReportShares: () => ({}),
  revokeReportShare: (ids) => ({ shareId: ids.reportShare }),
  createCalendarFeed: () => ({}),
  listCalendarFeeds: () => ({}),
  revokeCalendarFeed: (ids) => ({ feedId: ids.calendarFeed }),
  calendarIcs: () => ({}),
};
