import type { IsoDate } from '../time/plain-date.js';

/** An email's content, ready for the outbox. */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** The links every email carries. */
export interface EmailLinks {
  /** The app's public origin, e.g. https://wins.example.org. */
  app: string;
  unsubscribe: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

/** The footer of every email: why it came and how to stop it, in one click and without signing in. */
export function footerText(why: string, links: EmailLinks): string {
  return `\n\n--\n${why}\nStop these emails: ${links.unsubscribe}\nAll email settings: ${links.app}/settings/email\n`;
}

export function footerHtml(why: string, links: EmailLinks): string {
  return `<hr style="border:none;border-top:1px solid #ddd;margin:24px 0 12px"><p style="color:#666;font-size:12px">${escapeHtml(why)}<br><a href="${escapeHtml(links.unsubscribe)}">Stop these emails</a> · <a href="${escapeHtml(`${links.app}/settings/email`)}">All email settings</a></p>`;
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,-apple-system,sans-serif;line-height:1.5;color:#222;max-width:36rem;margin:0 auto;padding:16px">${body}</body></html>`;
}

function compose(subject: string, lines: string[], action: { label: string; url: string; cli: string }, why: string, links: EmailLinks): EmailContent {
  const text = `${lines.join('\n\n')}\n\n${action.label}: ${action.url}\nFrom a terminal: ${action.cli}${footerText(why, links)}`;
  const html = page(
    subject,
    `${lines.map((l) => `<p>${escapeHtml(l).replace(/\n/g, '<br>')}</p>`).join('')}<p><a href="${escapeHtml(action.url)}" style="display:inline-block;background:#2f6f4f;color:#fff;padding:8px 14px;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p><p style="color:#555">From a terminal: <code>${escapeHtml(action.cli)}</code></p>${footerHtml(why, links)}`,
  );
  return { subject, text, html };
}

/** The reminder of the weekly or monthly review of a period ("2026-W47", "2026-11"). */
export function reviewReminderEmail(input: { name: string; review: 'weekly' | 'monthly'; period: string }, links: EmailLinks): EmailContent {
  const weekly = input.review === 'weekly';
  return compose(
    weekly ? `Time for your weekly review (${input.period})` : `Time for your monthly review (${input.period})`,
    [
      `Hello ${input.name},`,
      weekly
        ? 'The week is almost over. Take ten minutes to look back on it: what you did against the plan, the wins and the misses, and what to keep, change or drop next week.'
        : 'The month ends today. Take a quiet half hour to look back on it: the patterns across its weeks, how your metrics moved, and what to keep, change or drop.',
    ],
    { label: `Open the ${input.review} review`, url: `${links.app}/reviews`, cli: `smallwins review ${weekly ? 'week' : 'month'} ${input.period}` },
    'You get this because review reminders are on in your Small Wins email settings.',
    links,
  );
}

/** The reminder of a routine on a day it is due and not checked in yet. */
export function routineReminderEmail(input: { name: string; routine: string; minimumVersion: string; day: IsoDate; reminderTime: string }, links: EmailLinks): EmailContent {
  const lines = [`Hello ${input.name},`, `It is ${input.reminderTime}: time for "${input.routine}" today (${input.day}).`];
  if (input.minimumVersion) lines.push(`Low on energy? The minimum version counts too: ${input.minimumVersion}.`);
  return compose(
    `Reminder: ${input.routine}`,
    lines,
    { label: 'Check it in', url: `${links.app}/today`, cli: `smallwins check "${input.routine.replace(/"/g, '\\"')}"` },
    'You get this because this routine has a reminder time and routine reminders are on in your Small Wins email settings.',
    links,
  );
}

/** "Sunday 14 December" for a calendar day, whatever the server's time zone. */
function longDay(day: IsoDate): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
}

/**
 * The prompt sent when a round of a workspace's pulse schedule opens: how many questions, which,
 * until when, and a link to answer on Today in that workspace. Says plainly who sees the answers.
 */
export function pulsePromptEmail(
  input: { name: string; workspaceId: string; workspaceName: string; team: boolean; questions: string[]; lastDay: IsoDate },
  links: EmailLinks,
): EmailContent {
  const n = input.questions.length;
  const count = `${n} quick question${n === 1 ? '' : 's'}`;
  const whose = input.team ? `${input.workspaceName}'s pulse` : 'Your pulse';
  return compose(
    input.team ? `Your team's pulse is open: ${count}` : `Your pulse is open: ${count}`,
    [
      `Hello ${input.name},`,
      `${whose} is open until the end of ${longDay(input.lastDay)}. Each answer takes one click, from 1 (low) to 5 (high):`,
      input.questions.map((q) => `• ${q}`).join('\n'),
      input.team
        ? 'Your answers stay yours: the team only ever sees weekly averages, and only once at least 3 people have answered.'
        : 'Only you see your answers, next to your metrics.',
    ],
    { label: 'Answer on Today', url: `${links.app}/today?workspace=${encodeURIComponent(input.workspaceId)}`, cli: `smallwins pulse due --workspace ${input.workspaceId}` },
    'You get this because this workspace asks pulses on a schedule and pulse prompts are on in your Small Wins email settings.',
    links,
  );
}

/** The test email a person sends themselves to see that email reaches them. */
export function testEmail(input: { name: string; sentAt: string }, links: EmailLinks): EmailContent {
  return compose(
    'Small Wins: test email',
    [`Hello ${input.name},`, `This is the test email you asked for at ${input.sentAt}. If you can read it, your reports and reminders will reach you too.`],
    { label: 'Open Small Wins', url: links.app, cli: 'smallwins email status' },
    'You get this because you asked for a test email.',
    links,
  );
}
