import type { PlaybookFileInput } from '#contracts/playbooks.js';

/* Built-in playbooks for work and career. The wording is ours; each one is a starting point to edit. */

export const soloFounder: PlaybookFileInput = {
  key: 'solo-founder',
  name: 'Solo founder: first paying customers',
  description: 'Pick one niche, fix the one onboarding step where trials stall, and watch conversion.',
  body: {
    goal: {
      title: 'Win my first paying customers',
      purpose: 'Prove that a narrow group of people will pay for what I make before I build anything more.',
      leveragePoint: 'One niche, and one onboarding step that turns a trial into a paid plan.',
    },
    primaryMetric: { name: 'Trial-to-paid conversion', unit: '%', direction: 'up', baseline: 0, target: 10, targetInDays: 90 },
    supportingMetrics: [
      { name: 'Onboarding calls held', unit: 'calls', indicator: 'leading', target: 20 },
      { name: 'Paying customers', unit: 'customers', indicator: 'lagging', baseline: 0, target: 10 },
    ],
    microGoals: [
      'Write down the one niche I serve and who is out of scope',
      'List 20 people in that niche and contact 5 of them',
      'Find the onboarding step where most trials stall',
    ],
    routines: [
      {
        name: 'Customer outreach',
        schedule: { kind: 'weekdays', weekdays: [1, 2, 3, 4, 5] },
        target: { kind: 'at_least', value: 3, unit: 'messages' },
        minimumVersion: 'Send one message to someone in the niche',
      },
      { name: 'Conversion check', schedule: { kind: 'weekdays', weekdays: [5] }, minimumVersion: "Write down this week's conversion number" },
    ],
    reviewPrompts: [
      { kind: 'weekly', text: 'Which conversation taught me the most about my niche this week?' },
      { kind: 'weekly', text: 'Where did a trial stall, and what will I change in onboarding next?' },
      { kind: 'monthly', text: 'Can I still describe my niche in one sentence, or has it drifted?' },
    ],
  },
};

export const careerPivot: PlaybookFileInput = {
  key: 'career-pivot',
  name: 'Career pivot by small lateral moves',
  description: 'Change fields without a leap: small sideways steps that show your skills carry over.',
  body: {
    goal: {
      title: 'Move into a new field through small lateral steps',
      purpose: 'Change careers without a risky jump, by collecting evidence that my skills carry over.',
      leveragePoint: 'One small lateral move each month: a side project, a shadowing day, an introduction.',
    },
    primaryMetric: { name: 'Lateral moves made', unit: 'moves', direction: 'up', baseline: 0, target: 6, targetInDays: 180 },
    supportingMetrics: [
      { name: 'Conversations with people in the field', unit: 'conversations', indicator: 'leading', target: 12 },
      { name: 'Portfolio pieces in the new field', unit: 'pieces', indicator: 'lagging', baseline: 0, target: 3 },
    ],
    microGoals: [
      'List five skills I already use that the new field pays for',
      'Find three people doing the work I want and ask each for 20 minutes',
      'Choose one small project that shows a transferable skill',
    ],
    routines: [
      { name: 'Learning block', schedule: { kind: 'times', times: 3, periodDays: 7 }, minimumVersion: 'Read one article from the new field' },
      { name: 'Reach out to the new field', schedule: { kind: 'weekdays', weekdays: [2, 4] }, minimumVersion: 'Send one short note' },
    ],
    reviewPrompts: [
      { kind: 'weekly', text: 'Which transferable skill did I show this week, and who saw it?' },
      { kind: 'weekly', text: 'What was the smallest lateral move open to me, and did I take it?' },
      { kind: 'monthly', text: 'After this month, does the new field still look like the right one?' },
    ],
  },
};

export const promotion: PlaybookFileInput = {
  key: 'promotion',
  name: 'Promotion through visible results',
  description: 'Document results, send a short progress note every week, and streamline one process.',
  body: {
    goal: {
      title: 'Earn the promotion to the next level',
      purpose: 'Make my impact easy to see, so the promotion is a formality rather than a negotiation.',
      leveragePoint: 'Documented results, shared with my manager every week.',
    },
    primaryMetric: { name: 'Documented results', unit: 'results', direction: 'up', baseline: 0, target: 12, targetInDays: 120 },
    supportingMetrics: [
      { name: 'Weekly progress notes sent', unit: 'notes', indicator: 'leading', target: 16 },
      { name: 'Hours saved by the streamlined process', unit: 'hours', indicator: 'lagging', baseline: 0 },
    ],
    microGoals: [
      'Ask my manager what the next level looks like in practice',
      "Start a results log with last month's three best outcomes",
      'Pick one slow team process to streamline',
    ],
    routines: [
      { name: 'Weekly progress note', schedule: { kind: 'weekdays', weekdays: [5] }, minimumVersion: 'Three bullets: done, next, blocked' },
      { name: 'Results log', schedule: { kind: 'weekdays', weekdays: [1, 2, 3, 4, 5] }, minimumVersion: "One line about today's outcome" },
    ],
    reviewPrompts: [
      { kind: 'weekly', text: 'Which result from this week belongs in my promotion case?' },
      { kind: 'weekly', text: 'What did my manager learn about my work from me this week?' },
      { kind: 'monthly', text: 'How far has the process I am streamlining come, in hours or steps saved?' },
    ],
  },
};
