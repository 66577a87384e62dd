import { addFocusWindow } from '#core/energy/focus-windows.js';
import { logEnergy } from '#core/energy/log-energy.js';
import { addContact } from '#core/people/add-contact.js';
import { logConversation } from '#core/people/log-conversation.js';
import { savePlaybook } from '#core/playbooks/save-playbook.js';
import { setPulseSchedule } from '#core/pulses/pulse-schedule.js';
import { recordPulse } from '#core/pulses/record-pulse.js';
import type { Samples, Seeder } from '../samples.js';

/** Playbook keys are per workspace, so each seeded workspace gets its own (from its goal id). */
const playbookKey = (goalId: string) => `seeded-${goalId.slice(0, 10)}`;

export const seed: Seeder = async (ctx, ids) => {
  ids.energyEntry = (await logEnergy(ctx, { energy: 4, sleepHours: 7, note: 'seed-secret energy note' })).id;
  ids.focusWindow = (await addFocusWindow(ctx, { start: '09:00', minutes: 60, label: 'seed-secret focus' })).id;
  const contact = await addContact(ctx, { name: 'Seeded contact', kind: 'mentor', note: 'seed-secret contact note' });
  ids.contact = contact.id;
  ids.conversation = (await logConversation(ctx, { contactId: contact.id, note: 'seed-secret conversation' })).id;
  ids.pulse = (await recordPulse(ctx, { kind: 'morale', value: 4, note: 'seed-secret pulse note' })).id;
  await setPulseSchedule(ctx, { kinds: ['morale'], customQuestions: ['seed-secret pulse question?'], weekday: 3, time: '09:00', everyWeeks: 2 });
  const key = playbookKey(ids.goal!);
  const playbook = await savePlaybook(ctx, { key, name: 'Seeded playbook', description: 'seed-secret playbook', fromGoalId: ids.goal! });
  ids.playbook = playbook.id!;
  ids.playbookKey = key;
};

export const samples: Samples = {
  logEnergy: () => ({ energy: 3, sleepHours: 6.5, note: 'Sample energy' }),
  listEnergy: () => ({}),
  addFocusWindow: () => ({ start: '14:00', minutes: 45, label: 'Sample focus' }),
  listFocusWindows: () => ({}),
  deleteFocusWindow: (ids) => ({ focusWindowId: ids.focusWindow }),
  addContact: () => ({ name: 'Sample contact', kind: 'peer' }),
  listContacts: () => ({}),
  updateContact: (ids) => ({ contactId: ids.contact, note: 'Sample note' }),
  logConversation: (ids) => ({ contactId: ids.contact, note: 'Sample talk' }),
  listConversations: (ids) => ({ contactId: ids.contact }),
  conversationStatus: () => ({}),
  recordPulse: () => ({ kind: 'clarity', value: 3 }),
  listMyPulses: () => ({}),
  pulseTrend: () => ({ kind: 'morale' }),
  getPulseSchedule: () => ({}),
  setPulseSchedule: () => ({ kinds: ['clarity'], customQuestions: ['Sample question?'], weekday: 5, time: '15:30', everyWeeks: 4 }),
  pulsesDue: () => ({}),
  listPlaybooks: () => ({}),
  showPlaybook: (ids) => ({ key: ids.playbookKey }),
  applyPlaybook: (ids) => ({ key: ids.playbookKey, goalTitle: 'Sample applied goal' }),
  savePlaybook: (ids) => ({ key: 'sample-saved', name: 'Sample saved', fromGoalId: ids.goal, checklists: [ids.checklist], templates: ['Seeded template'] }),
  importPlaybook: () => ({
    key: 'sample-imported',
    name: 'Sample imported',
    description: 'A sample playbook',
    body: {
      goal: { title: 'Sample imported goal' },
      primaryMetric: { name: 'Sample metric', target: 5 },
      microGoals: ['Sample micro-goal'],
      checklists: [{ name: 'Sample playbook checklist', items: ['Sample item'] }],
      templates: [{ name: 'Sample playbook template', steps: [{ title: 'Sample step', minutes: 30 }] }],
    },
  }),
  getSettings: () => ({}),
  updateMySettings: () => ({ dayStartHour: 2 }),
  updateWorkspaceSettings: () => ({ conversationTarget: 2 }),
};
