import type { PlaybookFileInput } from '#contracts/playbooks.js';

/* Built-in playbooks for community work, nonprofits and side projects. */

export const communityInitiative: PlaybookFileInput = {
  key: 'community-initiative',
  name: 'Community initiative: local wins first',
  description: 'Start with a small problem people can see, fix it, show it, and let that bring people in.',
  body: {
    goal: {
      title: 'Start a community initiative where I live',
      purpose: 'Show neighbours that change is possible by starting with small wins they can see.',
      leveragePoint: 'One visible local win each month, shown to the people who live nearby.',
    },
    primaryMetric: { name: 'Neighbours taking part', unit: 'people', direction: 'up', baseline: 0, target: 25, targetInDays: 90 },
    supportingMetrics: [
      { name: 'Conversations with neighbours', unit: 'conversations', indicator: 'leading', target: 40 },
      { name: 'Local wins delivered', unit: 'wins', indicator: 'lagging', baseline: 0, target: 3 },
    ],
    microGoals: [
      'Choose one problem on our street small enough to fix this month',
      'Talk to ten neighbours about it',
      'Find a place to meet and set a date',
    ],
    routines: [
      { name: 'Neighbour outreach', schedule: { kind: 'times', times: 2, periodDays: 7 }, minimumVersion: 'Talk to one neighbour' },
      { name: 'Share local progress', schedule: { kind: 'weekdays', weekdays: [7] }, minimumVersion: 'Post one photo of what changed' },
    ],
    reviewPrompts: [
      { kind: 'weekly', text: 'What local win could people see this week?' },
      { kind: 'weekly', text: 'Who joined in for the first time, and what brought them?' },
    ],
    templates: [
      {
        name: 'Neighbour meetup',
        description: 'From a date to a photo of what changed: apply it the day you choose the problem.',
        steps: [
          { title: 'Book a place and set the date', minutes: 30, dayOffset: 0 },
          { title: 'Invite ten neighbours in person', minutes: 60, dayOffset: 1 },
          { title: 'Remind everyone who said yes', minutes: 15, dayOffset: 6 },
          { title: 'Run the meetup and note who came', minutes: 60, dayOffset: 7 },
          { title: 'Share a photo of what changed', minutes: 15, dayOffset: 8 },
        ],
      },
    ],
  },
};

export const nonprofit: PlaybookFileInput = {
  key: 'nonprofit',
  name: 'Nonprofit: volunteer roles as micro-tasks',
  description: 'Turn goodwill into repeatable help: volunteer roles written as small tasks anyone can pick up.',
  body: {
    goal: {
      title: 'Turn volunteer goodwill into steady, repeatable help',
      purpose: 'Let every volunteer help in a small, well-defined way, so the mission does not rest on a few people.',
      leveragePoint: 'Volunteer roles written as micro-tasks that anyone can finish in under an hour.',
    },
    primaryMetric: { name: 'Volunteer micro-tasks completed', unit: 'tasks', direction: 'up', baseline: 0, target: 100, targetInDays: 90 },
    supportingMetrics: [
      { name: 'Micro-tasks on the board', unit: 'tasks', indicator: 'leading', target: 15 },
      { name: 'Active volunteers', unit: 'volunteers', indicator: 'lagging', baseline: 0, target: 20 },
    ],
    microGoals: [
      'List the recurring work that now lands on one person',
      'Write three volunteer roles as micro-tasks with a clear finish line',
      'Invite five volunteers to pick one micro-task each',
    ],
    routines: [
      { name: 'Refill the volunteer board', schedule: { kind: 'weekdays', weekdays: [1] }, minimumVersion: 'Add one micro-task' },
      { name: 'Thank volunteers', schedule: { kind: 'times', times: 2, periodDays: 7 }, minimumVersion: 'Send one thank-you message' },
    ],
    reviewPrompts: [
      { kind: 'weekly', text: 'Which micro-task was picked up fastest, and what made it easy?' },
      { kind: 'weekly', text: 'Where did a volunteer get stuck, and how can the task be clearer?' },
      { kind: 'monthly', text: 'Which roles still depend on a single person?' },
    ],
    checklists: [
      {
        name: 'Welcome a new volunteer',
        description: 'Run it for each new volunteer, so their first week ends with a finished micro-task.',
        items: [
          'Thank them and introduce one teammate they can ask',
          'Show them the volunteer board',
          'Help them pick one micro-task they can finish in under an hour',
          'Check in when the task is done and thank them',
        ],
      },
    ],
  },
};

export const sideProject: PlaybookFileInput = {
  key: 'side-project',
  name: 'Side project: ship to first users',
  description: 'Protect a few sessions a week, cut the scope hard, and put something in front of people.',
  body: {
    goal: {
      title: 'Ship my side project to its first users',
      purpose: 'Finish something of my own in the hours I have, and learn whether other people want it.',
      leveragePoint: 'Protected sessions every week and a scope small enough to ship.',
    },
    primaryMetric: { name: 'Weekly active users', unit: 'users', direction: 'up', baseline: 0, target: 20, targetInDays: 60 },
    supportingMetrics: [{ name: 'Build sessions done', unit: 'sessions', indicator: 'leading', target: 24 }],
    microGoals: [
      'Cut the scope to the one thing a first user needs',
      'Block three protected build sessions in my calendar',
      'Ship a version someone else can try',
    ],
    routines: [
      {
        name: 'Build session',
        schedule: { kind: 'times', times: 3, periodDays: 7 },
        target: { kind: 'at_least', value: 45, unit: 'minutes' },
        minimumVersion: 'Fifteen minutes on the smallest next step',
      },
    ],
    reviewPrompts: [
      { kind: 'weekly', text: 'What did I ship this week, however small?' },
      { kind: 'weekly', text: 'What can I cut so the first users get it sooner?' },
    ],
  },
};
