import { useEffect, useState } from 'react';
import { callAll, type Output } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { messageOf, shortDay } from '../ui/life-helpers.js';
import { KIND_TEXT } from './ContactForms.js';
import type { Contact, Dialog } from './types.js';

type Conversation = Output<typeof api.listConversations>;

export function sinceText(c: Pick<Contact, 'daysSince' | 'lastConversationDay'>): string {
  if (c.lastConversationDay === null || c.daysSince === null) return 'Never spoken to';
  if (c.daysSince <= 0) return 'Spoke today';
  if (c.daysSince === 1) return 'Spoke yesterday';
  return `Last spoke ${c.daysSince} days ago`;
}

export function ContactList({
  contacts,
  writable,
  onDialog,
  historyVersion,
}: {
  contacts: Contact[] | null;
  writable: boolean;
  onDialog: (d: Dialog) => void;
  historyVersion: number;
}) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section className="panel" aria-labelledby="contacts-title">
      <div className="panel-head">
        <h2 id="contacts-title">Contacts</h2>
        {contacts && contacts.length > 0 ? (
          <span className="muted small">{contacts.length} in this workspace</span>
        ) : null}
      </div>
      {contacts === null ? (
        <p className="loading" role="status">
          Loading contacts…
        </p>
      ) : contacts.length === 0 ? (
        <div className="empty">
          <p>No contacts yet.</p>
          <p className="muted">
            {writable
              ? 'Add the people who can move your goal: a mentor, a collaborator, a first customer. Then log one conversation a week.'
              : 'Nobody has added a contact to this workspace yet.'}
          </p>
        </div>
      ) : (
        <ul className="rows" aria-label="Contacts">
          {contacts.map((c) => (
            <li
              key={c.id}
              className="row contact-row"
              aria-label={`${c.name}, ${KIND_TEXT[c.kind]}, ${sinceText(c)}`}
            >
              <div className="row-main">
                <span className="row-title">{c.name}</span>
                <span className="row-meta">
                  <span className="badge">{KIND_TEXT[c.kind]}</span>
                  <span
                    className={c.daysSince === null || c.daysSince >= 30 ? 'overdue-text' : 'muted'}
                  >
                    {sinceText(c)}
                  </span>
                  {c.email ? <span className="muted contact-email">{c.email}</span> : null}
                </span>
                {c.note ? <span className="muted small">{c.note}</span> : null}
                {open === c.id ? <History contactId={c.id} version={historyVersion} /> : null}
              </div>
              <div className="row-actions">
                {writable && !c.id.startsWith('pending') ? (
                  <>
                    <button
                      type="button"
                      className="button small"
                      onClick={() => onDialog({ kind: 'talk', contact: c })}
                    >
                      Log conversation<span className="visually-hidden"> with {c.name}</span>
                    </button>
                    <button
                      type="button"
                      className="button small subtle"
                      onClick={() => onDialog({ kind: 'edit', contact: c })}
                      aria-label={`Edit ${c.name}`}
                    >
                      Edit
                    </button>
                  </>
                ) : null}
                {!c.id.startsWith('pending') ? (
                  <button
                    type="button"
                    className="button small subtle"
                    aria-expanded={open === c.id}
                    onClick={() => setOpen((o) => (o === c.id ? null : c.id))}
                  >
                    History
                    <span className="visually-hidden"> of conversations with {c.name}</span>
                  </button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function History({ contactId, version }: { contactId: string; version: number }) {
  const [items, setItems] = useState<Conversation[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    callAll(api.listConversations, { contactId }).then(
      (l) => live && setItems(l),
      (e: unknown) => live && setError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [contactId, version]);
  if (error) return <p className="form-error small">Conversations could not be loaded: {error}</p>;
  if (!items)
    return (
      <p className="loading small" role="status">
        Loading conversations…
      </p>
    );
  if (items.length === 0) return <p className="muted small">No conversation logged yet.</p>;
  return (
    <ol className="history" aria-label="Conversations, newest first">
      {[...items].reverse().map((c) => (
        <li key={c.id}>
          <strong>{shortDay(c.day)}</strong> {c.note || <span className="muted">(no note)</span>}
        </li>
      ))}
    </ol>
  );
}
