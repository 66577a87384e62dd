import { reportDocument, type Block, type Item } from './report-document.js';
import type { WeeklyReport } from './weekly-report.js';

/*
 * The report as one self-contained HTML document that survives email clients: tables for layout,
 * inline styles only, no scripts, images, fonts or external resources. Every string from the
 * report is escaped; links are only ever http(s) URLs or paths of this app.
 */

export interface HtmlReportOptions {
  /** Where the reader stops these emails; no footer link without it. */
  unsubscribeUrl?: string;
  /** Where the report can be read in a browser (a share link). */
  shareUrl?: string;
}

const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const INK = '#1f2933';
const MUTED = '#616e7c';
const ACCENT = '#2f855a';
const LINE = '#e4e7eb';

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return (
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;')
      // Control characters have no business in a document.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
  );
}

/** A URL fit for an href: http(s) or a path of this app, else nothing (no javascript: or data: links). */
function safeUrl(url: string | undefined): string | null {
  if (!url) return null;
  if (/^https?:\/\/[^\s]+$/i.test(url) || /^\/(?!\/)[^\s]*$/.test(url)) return escapeHtml(url);
  return null;
}

const MARK: Record<NonNullable<Item['mark']>, string> = {
  done: `<span style="color:${ACCENT};font-weight:bold;">&#10003;</span>&nbsp;`,
  open: `<span style="color:${MUTED};">&#9675;</span>&nbsp;`,
  dropped: `<span style="color:${MUTED};">&#10005;</span>&nbsp;`,
};

function item(i: Item): string {
  const text = i.mark === 'dropped' ? `<span style="text-decoration:line-through;color:${MUTED};">${escapeHtml(i.text)}</span>` : escapeHtml(i.text);
  const note = i.note ? ` <span style="color:${MUTED};font-size:13px;">${escapeHtml(i.note)}</span>` : '';
  return `<li style="margin:0 0 6px 0;${i.mark ? 'list-style:none;' : ''}">${i.mark ? MARK[i.mark] : ''}${text}${note}</li>`;
}

const list = (items: Item[], indent = 20): string =>
  `<ul style="margin:0 0 12px 0;padding:0 0 0 ${indent}px;">${items.map(item).join('')}</ul>`;

function block(b: Block): string {
  switch (b.kind) {
    case 'stats': {
      const cells = b.stats.map(
        (s) =>
          `<td width="50%" valign="top" style="padding:10px 12px;border:1px solid ${LINE};border-radius:6px;">` +
          `<div style="font-size:12px;color:${MUTED};text-transform:uppercase;letter-spacing:0.04em;">${escapeHtml(s.label)}</div>` +
          `<div style="font-size:22px;font-weight:bold;color:${INK};margin:2px 0;">${escapeHtml(s.value)}</div>` +
          `<div style="font-size:13px;color:${MUTED};">${escapeHtml(s.note)}</div></td>`,
      );
      const rows: string[] = [];
      for (let i = 0; i < cells.length; i += 2) rows.push(`<tr>${cells[i]}${cells[i + 1] ?? '<td></td>'}</tr>`);
      return `<table role="presentation" width="100%" cellpadding="0" cellspacing="6" style="margin:0 0 12px 0;border-collapse:separate;">${rows.join('')}</table>`;
    }
    case 'quote':
      return (
        `<p style="margin:0 0 4px 0;font-size:13px;color:${MUTED};font-weight:bold;">${escapeHtml(b.label)}</p>` +
        `<blockquote style="margin:0 0 12px 0;padding:8px 12px;border-left:3px solid ${ACCENT};background:#f7faf8;white-space:pre-wrap;">${escapeHtml(b.text)}</blockquote>`
      );
    case 'list':
      return list(b.items);
    case 'group':
      return (
        `<p style="margin:0 0 6px 0;font-weight:bold;">${escapeHtml(b.title)}` +
        `${b.note ? ` <span style="font-weight:normal;color:${MUTED};font-size:13px;">${escapeHtml(b.note)}</span>` : ''}</p>` +
        list(b.items, 4)
      );
    case 'empty':
      return `<p style="margin:0 0 12px 0;color:${MUTED};font-style:italic;">${escapeHtml(b.text)}</p>`;
  }
}

/** The report as a complete, inline-styled HTML email (also the page a share link shows). */
export function renderReportHtml(report: WeeklyReport, options: HtmlReportOptions = {}): string {
  const doc = reportDocument(report);
  const sections = doc.sections
    .map(
      (s) =>
        `<tr><td style="padding:8px 32px 4px 32px;">` +
        `<h2 style="margin:12px 0 10px 0;font-size:17px;color:${INK};border-bottom:1px solid ${LINE};padding-bottom:6px;">${escapeHtml(s.title)}</h2>` +
        `${s.blocks.map(block).join('')}</td></tr>`,
    )
    .join('\n');
  const links: string[] = [];
  const share = safeUrl(options.shareUrl);
  const unsubscribe = safeUrl(options.unsubscribeUrl);
  if (share) links.push(`<a href="${share}" style="color:${MUTED};">View this report in a browser</a>`);
  if (unsubscribe) links.push(`<a href="${unsubscribe}" style="color:${MUTED};">Unsubscribe</a>`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(doc.title)}</title>
</head>
<body style="margin:0;padding:0;background:#f4f5f7;">
<div style="display:none;max-height:0;overflow:hidden;opacity:0;">${escapeHtml(doc.summary)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="width:100%;max-width:600px;background:#ffffff;border-radius:8px;font-family:${FONT};font-size:15px;line-height:1.5;color:${INK};">
<tr><td style="padding:28px 32px 4px 32px;">
<h1 style="margin:0;font-size:22px;color:${INK};">${escapeHtml(doc.title)}</h1>
<p style="margin:4px 0 0 0;color:${MUTED};">${escapeHtml(doc.subtitle)}</p>
</td></tr>
${sections}
<tr><td style="padding:16px 32px 28px 32px;font-size:12px;color:${MUTED};border-top:1px solid ${LINE};">
${escapeHtml(doc.footer)}${links.length > 0 ? `<br>${links.join(' &middot; ')}` : ''}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}
