import { viewComponent, type ViewComponent } from './view-loader.js';

export interface ViewDef {
  id: string;
  path: string;
  title: string;
  /** The key after `g` that opens the view (`g t` = Today). */
  key: string;
  /** What the view is for; placeholders show it until the view exists. */
  description: string;
  /** The view, loaded on first visit (code-split); absent while it is still a placeholder. */
  component?: ViewComponent;
}

/** Every main view, in navigation order. Adding a view: see src/web/README.md. */
export const views: ViewDef[] = [
  {
    id: 'today',
    path: '/today',
    title: 'Today',
    key: 't',
    description: "Today's tasks, routines due, focus windows and wins.",
    component: viewComponent(() => import('../today/TodayView.js')),
  },
  {
    id: 'week',
    path: '/week',
    title: 'Week',
    key: 'w',
    description:
      "This week's plan: micro-goals per goal, tasks planned against done, and the week's result.",
    component: viewComponent(() => import('../week/WeekView.js')),
  },
  {
    id: 'goals',
    path: '/goals',
    title: 'Goals',
    key: 'g',
    description:
      'Goals with their purpose, the one metric that matters with its target line and forecast, and supporting metrics.',
    component: viewComponent(() => import('../goals/GoalsView.js')),
  },
  {
    id: 'systems',
    path: '/systems',
    title: 'Systems',
    key: 's',
    description:
      'Routines with their schedules, streaks, strength scores and heatmaps; checklists and templates.',
    component: viewComponent(() => import('../systems/SystemsView.js')),
  },
  {
    id: 'experiments',
    path: '/experiments',
    title: 'Experiments',
    key: 'e',
    description:
      'Experiments with their hypothesis, variants and decision, and the feedback that steers them.',
    component: viewComponent(() => import('../experiments/ExperimentsView.js')),
  },
  {
    id: 'journal',
    path: '/journal',
    title: 'Journal',
    key: 'j',
    description: 'Weekly and monthly reviews, the lessons-learned log and every win.',
    component: viewComponent(() => import('../journal/JournalView.js')),
  },
  {
    id: 'energy',
    path: '/energy',
    title: 'Energy',
    key: 'n',
    description: 'Daily energy and sleep, focus windows, and how rest relates to what gets done.',
    component: viewComponent(() => import('../energy/EnergyView.js')),
  },
  {
    id: 'people',
    path: '/people',
    title: 'People',
    key: 'p',
    description:
      'Contacts and conversations, the weekly conversation target, and who you have not spoken to for a while.',
    component: viewComponent(() => import('../people/PeopleView.js')),
  },
  {
    id: 'team',
    path: '/team',
    title: 'Team',
    key: 'm',
    description:
      'Members and roles, shared goals, delegated tasks, the team feed of wins with kudos, and team pulses.',
    component: viewComponent(() => import('../team/TeamView.js')),
  },
  {
    id: 'feed',
    path: '/feed',
    title: 'Team feed',
    key: 'f',
    description: 'Shared wins as they happen, kudos and comments, and the decision records of the team.',
    component: viewComponent(() => import('../feed/FeedView.js')),
  },
  {
    id: 'work',
    path: '/work',
    title: 'My work',
    // `g m` is Team's: "m-y work".
    key: 'y',
    description:
      'Tasks and micro-goals assigned to you, what you wait on from teammates, and tasks anyone can pick up.',
    component: viewComponent(() => import('../work/WorkView.js')),
  },
  {
    id: 'reports',
    path: '/reports',
    title: 'Reports',
    key: 'r',
    description: 'The weekly progress report: preview, schedule and a read-only link for a mentor.',
    component: viewComponent(() => import('../reports/ReportsView.js')),
  },
  {
    id: 'settings',
    path: '/settings',
    title: 'Settings',
    key: ',',
    description:
      'Your profile, time zone and start of day, sessions, API tokens, and workspace settings.',
    component: viewComponent(() => import('../settings/SettingsView.js')),
  },
];

export function viewAt(path: string): ViewDef | undefined {
  return views.find((v) => path === v.path || path.startsWith(`${v.path}/`));
}
