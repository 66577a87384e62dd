import { renderReportHtml, renderReportText } from '../reports/render-report.js';
import { reportDocument } from '../reports/report-document.js';
import type { WeeklyReport } from '../reports/weekly-report.js';
import { footerText, type EmailContent, type EmailLinks } from './compose-emails.js';

/**
 * The weekly report as an email: the report's own HTML (which carries the unsubscribe link in its
 * footer) and its plain-text rendering with the same footer as every other email.
 */
export function reportEmail(report: WeeklyReport, links: EmailLinks): EmailContent {
  const doc = reportDocument(report);
  return {
    subject: `${doc.title} (${report.week}): ${doc.summary.replace(/\.$/, '')}`,
    text: `${renderReportText(report)}${footerText('You get this because the weekly report is on in your Small Wins email settings.', links)}`,
    html: renderReportHtml(report, { unsubscribeUrl: links.unsubscribe }),
  };
}
