import { reportEndpoints } from '#contracts/api/reports.js';
import { calendarIcs } from '#core/reports/calendar-feed.js';
import { renderReportHtml, renderReportMarkdown, renderReportText } from '#core/reports/render-report.js';
import { createLink, listLinks, revokeLink } from '#core/reports/report-links.js';
import { weeklyReport } from '#core/reports/weekly-report.js';
import { operations, type Handlers } from './operation.js';

const handlers: Handlers<typeof reportEndpoints> = {
  async weeklyReport(ctx, input) {
    const report = await weeklyReport(ctx, input);
    return { report, markdown: renderReportMarkdown(report), html: renderReportHtml(report), text: renderReportText(report) };
  },
  createReportShare: (ctx, input) => createLink(ctx, 'reportShares', input),
  listReportShares: (ctx) => listLinks(ctx, 'reportShares'),
  revokeReportShare: (ctx, input) => revokeLink(ctx, 'reportShares', input.shareId),
  createCalendarFeed: (ctx, input) => createLink(ctx, 'calendarFeeds', input),
  listCalendarFeeds: (ctx) => listLinks(ctx, 'calendarFeeds'),
  revokeCalendarFeed: (ctx, input) => revokeLink(ctx, 'calendarFeeds', input.feedId),
  calendarIcs: async (ctx) => ({ ics: await calendarIcs(ctx) }),
};

export const reportsOperations = operations(reportEndpoints, handlers);
