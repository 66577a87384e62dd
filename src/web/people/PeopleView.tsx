import { useState } from 'react';
import { call, callAll, type ApiError } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { useSession } from '../app/session.js';
import {
  asApiError,
  canWrite,
  isAdmin,
  localToday,
  messageOf,
  shortDay,
  useLoad,
  useRole,
} from '../ui/life-helpers.js';
import { notify } from '../ui/notify.js';
import { AddContactForm, ContactDialog, ConversationDialog } from './ContactForms.js';
import { ContactList } from './ContactList.js';
import { WeeklyStatus } from './WeeklyStatus.js';
import type { Contact, Dialog } from './types.js';
import './people.css';

/** People: contacts, conversations, the weekly target and who has waited too long. */
export default function PeopleView() {
  const { me } = useSession();
  const today = localToday(me.user.timeZone, me.user.dayStartHour);
  const role = useRole();
  const writable = canWrite(role);
  const contacts = useLoad(() => callAll(api.listContacts, {}));
  const status = useLoad(() => call(api.conversationStatus, {}));
  const [dialog, setDialog] = useState<Dialog>(null);
  const [history, setHistory] = useState(0);

  if (contacts.error && !contacts.data) {
    return (
      <section className="view" aria-labelledby="view-title">
        <h1 id="view-title">People</h1>
        <div className="error-state" role="alert">
          <p>Your contacts could not be loaded: {contacts.error}</p>
          <button type="button" className="button" onClick={() => void contacts.reload()}>
            Try again
          </button>
        </div>
      </section>
    );
  }

  const refresh = (): void => {
    void contacts.reload();
    void status.reload();
  };

  const addContact = async (input: {
    name: string;
    kind: Contact['kind'];
    email: string;
    note: string;
  }): Promise<ApiError | null> => {
    const before = contacts.data;
    const pending: Contact = {
      id: `pending-${Date.now()}`,
      createdAt: new Date().toISOString(),
      lastConversationDay: null,
      daysSince: null,
      ...input,
    };
    contacts.set((l) => [...(l ?? []), pending].sort((a, b) => a.name.localeCompare(b.name)));
    try {
      await call(api.addContact, input);
      notify(`${input.name} added. Log a conversation when you talk.`);
      refresh();
      return null;
    } catch (e) {
      contacts.set(before);
      return asApiError(e);
    }
  };

  const saveContact = async (
    contact: Contact,
    change: { name: string; kind: Contact['kind']; email: string; note: string },
  ): Promise<ApiError | null> => {
    const before = contacts.data;
    contacts.set((l) => (l ?? []).map((c) => (c.id === contact.id ? { ...c, ...change } : c)));
    try {
      await call(api.updateContact, { contactId: contact.id, ...change });
      notify(`${change.name} saved.`);
      refresh();
      return null;
    } catch (e) {
      contacts.set(before);
      return asApiError(e);
    }
  };

  const logConversation = async (
    contact: Contact,
    input: { day: string; note: string },
  ): Promise<ApiError | null> => {
    const before = { contacts: contacts.data, status: status.data };
    const days = Math.round((Date.parse(today) - Date.parse(input.day)) / 86_400_000);
    contacts.set((l) =>
      (l ?? []).map((c) =>
        c.id === contact.id && (c.lastConversationDay ?? '') <= input.day
          ? { ...c, lastConversationDay: input.day, daysSince: days }
          : c,
      ),
    );
    status.set((s) =>
      s
        ? {
            ...s,
            count: s.count + 1,
            met: s.count + 1 >= s.target,
            overdue: s.overdue.filter((o) => o.id !== contact.id),
          }
        : s,
    );
    try {
      await call(api.logConversation, { contactId: contact.id, ...input });
      notify(
        `Conversation with ${contact.name} logged for ${input.day === today ? 'today' : shortDay(input.day)}.`,
      );
      setHistory((h) => h + 1);
      refresh();
      return null;
    } catch (e) {
      contacts.set(before.contacts);
      status.set(before.status);
      return asApiError(e);
    }
  };

  const setTarget = async (target: number): Promise<ApiError | null> => {
    const before = status.data;
    status.set((s) => (s ? { ...s, target, met: s.count >= target } : s));
    try {
      await call(api.updateWorkspaceSettings, { conversationTarget: target });
      notify(`Weekly target set to ${target} conversation${target === 1 ? '' : 's'}.`);
      void status.reload();
      return null;
    } catch (e) {
      status.set(before);
      notify(`Could not change the target: ${messageOf(e)}`, 'error');
      return asApiError(e);
    }
  };

  return (
    <section className="view people-view" aria-labelledby="view-title">
      <header className="view-head">
        <div>
          <h1 id="view-title">People</h1>
          <p className="muted">
            Mentors, collaborators and customers: one meaningful conversation at a time, every week.
          </p>
        </div>
      </header>
      {role === 'viewer' ? (
        <p className="callout">
          You are a viewer in this workspace: you can read contacts, not change them.
        </p>
      ) : null}
      <div className="people-grid">
        <div>
          <ContactList
            contacts={contacts.data}
            writable={writable}
            onDialog={setDialog}
            historyVersion={history}
          />
          {writable ? <AddContactForm onAdd={addContact} /> : null}
        </div>
        <div>
          <WeeklyStatus
            status={status.data}
            error={status.error}
            admin={isAdmin(role)}
            writable={writable}
            onSetTarget={setTarget}
            onTalk={(c) => setDialog({ kind: 'talk', contact: c })}
          />
        </div>
      </div>
      <ContactDialog
        contact={dialog?.kind === 'edit' ? dialog.contact : null}
        onClose={() => setDialog(null)}
        onSave={(contact, change) => saveContact(contact, change)}
      />
      <ConversationDialog
        contact={dialog?.kind === 'talk' ? dialog.contact : null}
        today={today}
        onClose={() => setDialog(null)}
        onLog={(contact, input) => logConversation(contact, input)}
      />
    </section>
  );
}
