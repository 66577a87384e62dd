// The weekly progress report (build + Markdown, HTML and text) on a workspace the caller opened:
// the time a preview, a share link or a report email costs.
import { renderReportHtml, renderReportMarkdown, renderReportText } from '../dist/core/reports/render-report.js';
import { weeklyReport } from '../dist/core/reports/weekly-report.js';

/** Median milliseconds of building and rendering a week's report, after 3 warm-up runs. */
export async function benchReport(ctx, { week = '2026-W47', runs = 15 } = {}) {
  const once = async () => {
    const report = await weeklyReport(ctx, { week, scope: 'me' });
    renderReportMarkdown(report);
    renderReportHtml(report, { unsubscribeUrl: 'https://example.org/unsubscribe' });
    renderReportText(report);
  };
  for (let i = 0; i < 3; i++) await once();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await once();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
