import { lifeEndpoints } from '#contracts/api/life.js';
import { addFocusWindow, deleteFocusWindow, listFocusWindows } from '#core/energy/focus-windows.js';
import { listEnergy, logEnergy } from '#core/energy/log-energy.js';
import { addContact } from '#core/people/add-contact.js';
import { conversationStatus } from '#core/people/conversation-status.js';
import { listContacts } from '#core/people/list-contacts.js';
import { listConversations, logConversation } from '#core/people/log-conversation.js';
import { updateContact } from '#core/people/update-contact.js';
import { applyPlaybook } from '#core/playbooks/apply-playbook.js';
import { importPlaybook } from '#core/playbooks/import-playbook.js';
import { listPlaybooks, showPlaybook } from '#core/playbooks/playbook-queries.js';
import { savePlaybook } from '#core/playbooks/save-playbook.js';
import { getPulseSchedule, setPulseSchedule } from '#core/pulses/pulse-schedule.js';
import { pulseTrend } from '#core/pulses/pulse-trend.js';
import { pulsesDue } from '#core/pulses/pulses-due.js';
import { listMyPulses, recordPulse } from '#core/pulses/record-pulse.js';
import { getSettings, updateSettings } from '#core/workspaces/settings.js';
import { operations, type Handlers } from './operation.js';

const handlers: Handlers<typeof lifeEndpoints> = {
  logEnergy: (ctx, input) => logEnergy(ctx, input),
  listEnergy: (ctx, input) => listEnergy(ctx, input),
  addFocusWindow: (ctx, input) => addFocusWindow(ctx, input),
  listFocusWindows: (ctx, input) => listFocusWindows(ctx, input),
  deleteFocusWindow: (ctx, input) => deleteFocusWindow(ctx, input),

  addContact: (ctx, input) => addContact(ctx, input),
  listContacts: (ctx) => listContacts(ctx),
  updateContact: (ctx, input) => updateContact(ctx, input),
  logConversation: (ctx, input) => logConversation(ctx, input),
  listConversations: (ctx, input) => listConversations(ctx, input.contactId),
  conversationStatus: (ctx, input) => conversationStatus(ctx, input),

  recordPulse: (ctx, input) => recordPulse(ctx, input),
  listMyPulses: (ctx, input) => listMyPulses(ctx, input),
  pulseTrend: (ctx, input) => pulseTrend(ctx, input),
  getPulseSchedule: (ctx) => getPulseSchedule(ctx),
  setPulseSchedule: (ctx, input) => setPulseSchedule(ctx, input),
  pulsesDue: (ctx) => pulsesDue(ctx),

  listPlaybooks: (ctx) => listPlaybooks(ctx),
  showPlaybook: (ctx, input) => showPlaybook(ctx, input.key),
  applyPlaybook: (ctx, input) => applyPlaybook(ctx, input),
  savePlaybook: (ctx, input) => savePlaybook(ctx, input),
  importPlaybook: (ctx, input) => importPlaybook(ctx, input),

  getSettings: (ctx) => getSettings(ctx),
  updateMySettings: (ctx, input) => updateSettings(ctx, { name: input.name, timeZone: input.timeZone, dayStartHour: input.dayStartHour }),
  updateWorkspaceSettings: (ctx, input) => updateSettings(ctx, { focusLimit: input.focusLimit, conversationTarget: input.conversationTarget }),
};

export const lifeOperations = operations(lifeEndpoints, handlers);
