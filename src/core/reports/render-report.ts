import { reportDocument, type Block, type Item } from './report-document.js';
import type { WeeklyReport } from './weekly-report.js';

export { renderReportHtml, type HtmlReportOptions } from './render-html.js';

/*
 * Pure renderers of a weekly report. All three draw the same document (report-document.ts); each
 * escapes every string it prints, since titles, plans and wins are typed by people.
 */

/** Control characters (terminal escapes included) never reach an output; newlines and tabs do. */
// eslint-disable-next-line no-control-regex
export const stripControl = (s: string): string => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');

/**
 * Backslash-escape what Markdown would read as markup or raw HTML (CommonMark escapes any ASCII
 * punctuation): emphasis, code, links, tables, entities anywhere; lists and headings at a line's start.
 */
export function escapeMarkdown(s: string): string {
  return stripControl(s)
    .replace(/[\\`*_[\]<>|~&]/g, '\\$&')
    .replace(/^(\s*)([-+=#])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

const MD_MARK: Record<NonNullable<Item['mark']>, string> = { done: '[x] ', open: '[ ] ', dropped: '~~dropped~~ ' };

function mdItem(i: Item): string {
  return `- ${i.mark ? MD_MARK[i.mark] : ''}${escapeMarkdown(i.text)}${i.note ? ` _(${escapeMarkdown(i.note)})_` : ''}`;
}

function mdBlock(b: Block): string {
  switch (b.kind) {
    case 'stats':
      return ['| | | |', '|---|---|---|', ...b.stats.map((s) => `| ${escapeMarkdown(s.label)} | **${escapeMarkdown(s.value)}** | ${escapeMarkdown(s.note)} |`)].join('\n');
    case 'quote':
      return `**${escapeMarkdown(b.label)}**\n\n${b.text.split('\n').map((line) => `> ${escapeMarkdown(line)}`).join('\n')}`;
    case 'list':
      return b.items.map(mdItem).join('\n');
    case 'group':
      return `**${escapeMarkdown(b.title)}**${b.note ? ` _(${escapeMarkdown(b.note)})_` : ''}\n\n${b.items.map(mdItem).join('\n')}`;
    case 'empty':
      return `_${escapeMarkdown(b.text)}_`;
  }
}

/** The report as Markdown (CommonMark with a GitHub-style table for the results). */
export function renderReportMarkdown(report: WeeklyReport): string {
  const doc = reportDocument(report);
  const parts = [`# ${escapeMarkdown(doc.title)}`, `_${escapeMarkdown(doc.subtitle)}_`];
  for (const section of doc.sections) parts.push(`## ${escapeMarkdown(section.title)}`, ...section.blocks.map(mdBlock));
  parts.push('---', `_${escapeMarkdown(doc.footer)}_`);
  return `${parts.join('\n\n')}\n`;
}

const TEXT_MARK: Record<NonNullable<Item['mark']>, string> = { done: '[x] ', open: '[ ] ', dropped: '[-] ' };

function textItem(i: Item, indent: string): string {
  return `${indent}${i.mark ? TEXT_MARK[i.mark] : '- '}${stripControl(i.text)}${i.note ? `  (${stripControl(i.note)})` : ''}`;
}

function textBlock(b: Block): string[] {
  switch (b.kind) {
    case 'stats': {
      const width = Math.max(...b.stats.map((s) => s.label.length));
      return b.stats.map((s) => `  ${s.label.padEnd(width)}  ${stripControl(s.value)}  ${stripControl(s.note)}`);
    }
    case 'quote':
      return [`  ${b.label}:`, ...stripControl(b.text).split('\n').map((line) => `    ${line}`)];
    case 'list':
      return b.items.map((i) => textItem(i, '  '));
    case 'group':
      return [`  ${stripControl(b.title)}${b.note ? `  (${stripControl(b.note)})` : ''}`, ...b.items.map((i) => textItem(i, '    '))];
    case 'empty':
      return [`  ${b.text}`];
  }
}

/** The report as plain text: the text part of the email, and what a terminal prints. */
export function renderReportText(report: WeeklyReport): string {
  const doc = reportDocument(report);
  const title = stripControl(doc.title);
  const lines = [title, doc.subtitle, '='.repeat(Math.min(72, Math.max(title.length, doc.subtitle.length)))];
  for (const section of doc.sections) {
    lines.push('', section.title.toUpperCase());
    for (const block of section.blocks) lines.push(...textBlock(block));
  }
  lines.push('', '--', doc.footer);
  return `${lines.join('\n')}\n`;
}
