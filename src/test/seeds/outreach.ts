import type { Samples, Seeder } from '../samples.js';

/** Email settings and the outbox belong to people, not workspaces: nothing to seed in a workspace. */
export const seed: Seeder = async () => {};

export const samples: Samples = {
  getEmailPreferences: () => ({}),
  updateEmailPreferences: () => ({ reportTime: '17:30', routineReminders: false }),
  listEmails: () => ({}),
  sendTestEmail: () => ({}),
};
