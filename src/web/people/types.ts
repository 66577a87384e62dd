import type { Output } from '../api/client.js';
import type { api } from '../api/endpoints.js';

export type Contact = Output<typeof api.listContacts>;
export type Status = Output<typeof api.conversationStatus>;
export type Dialog = { kind: 'edit'; contact: Contact } | { kind: 'talk'; contact: Contact } | null;
