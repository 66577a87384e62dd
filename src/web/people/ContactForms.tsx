import { useState, type FormEvent } from 'react';
import type { ApiError } from '../api/client.js';
import { Dialog } from '../ui/Dialog.js';
import { Field } from '../ui/Field.js';
import { generalError } from '../ui/life-helpers.js';
import type { Contact } from './types.js';

export const KINDS: Contact['kind'][] = ['mentor', 'collaborator', 'customer', 'peer', 'other'];
export const KIND_TEXT: Record<Contact['kind'], string> = {
  mentor: 'Mentor',
  collaborator: 'Collaborator',
  customer: 'Customer',
  peer: 'Peer',
  other: 'Other',
};

type ContactInput = { name: string; kind: Contact['kind']; email: string; note: string };

function readContact(form: FormData): ContactInput {
  return {
    name: String(form.get('name') ?? ''),
    kind: String(form.get('kind') ?? 'other') as Contact['kind'],
    email: String(form.get('email') ?? '').trim(),
    note: String(form.get('note') ?? ''),
  };
}

function ContactFields({
  contact,
  error,
  prefix,
}: {
  contact?: Contact;
  error: ApiError | null;
  prefix: string;
}) {
  const kindError = error?.field('kind');
  return (
    <>
      <Field
        label="Name"
        name="name"
        defaultValue={contact?.name}
        placeholder="e.g. Maya Lind"
        autoComplete="off"
        error={error?.field('name')}
      />
      <div className="field">
        <label htmlFor={`${prefix}-kind`}>Kind</label>
        <select
          id={`${prefix}-kind`}
          name="kind"
          defaultValue={contact?.kind ?? 'mentor'}
          aria-invalid={kindError ? true : undefined}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_TEXT[k]}
            </option>
          ))}
        </select>
        {kindError ? (
          <small className="field-error" role="alert">
            {kindError}
          </small>
        ) : null}
      </div>
      <Field
        label="Email (optional)"
        name="email"
        type="email"
        defaultValue={contact?.email}
        autoComplete="off"
        error={error?.field('email')}
      />
      <Field
        label="Note (optional)"
        name="note"
        defaultValue={contact?.note}
        placeholder="How you met, what they know"
        autoComplete="off"
        error={error?.field('note')}
      />
    </>
  );
}

const CONTACT_FIELDS = ['name', 'kind', 'email', 'note'];

export function AddContactForm({
  onAdd,
}: {
  onAdd: (input: ContactInput) => Promise<ApiError | null>;
}) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const formEl = event.currentTarget;
    setBusy(true);
    const failure = await onAdd(readContact(new FormData(formEl)));
    setBusy(false);
    setError(failure);
    if (!failure) {
      formEl.reset();
      formEl.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
    }
  };
  const general = generalError(error, CONTACT_FIELDS);
  return (
    <section className="panel" aria-labelledby="add-contact-title">
      <h2 id="add-contact-title">Add a contact</h2>
      <form
        className="contact-form"
        onSubmit={(e) => void submit(e)}
        noValidate
        aria-label="Add a contact"
      >
        <ContactFields error={error} prefix="add" />
        <button className="button primary" type="submit" disabled={busy}>
          Add contact
        </button>
        {general ? (
          <p className="form-error" role="alert">
            {general}
          </p>
        ) : null}
      </form>
    </section>
  );
}

export function ContactDialog({
  contact,
  onClose,
  onSave,
}: {
  contact: Contact | null;
  onClose: () => void;
  onSave: (contact: Contact, change: ContactInput) => Promise<ApiError | null>;
}) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const close = (): void => {
    setError(null);
    onClose();
  };
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (!contact) return;
    setBusy(true);
    const failure = await onSave(contact, readContact(new FormData(event.currentTarget)));
    setBusy(false);
    setError(failure);
    if (!failure) close();
  };
  const general = generalError(error, CONTACT_FIELDS);
  return (
    <Dialog
      open={contact !== null}
      onClose={close}
      labelledBy="edit-contact-title"
      className="dialog"
    >
      {contact ? (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <h2 id="edit-contact-title">Edit {contact.name}</h2>
          <ContactFields contact={contact} error={error} prefix="edit" />
          {general ? (
            <p className="form-error" role="alert">
              {general}
            </p>
          ) : null}
          <div className="dialog-actions">
            <button className="button primary" type="submit" disabled={busy}>
              Save
            </button>
            <button className="button subtle" type="button" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </Dialog>
  );
}

export function ConversationDialog({
  contact,
  today,
  onClose,
  onLog,
}: {
  contact: Contact | null;
  today: string;
  onClose: () => void;
  onLog: (contact: Contact, input: { day: string; note: string }) => Promise<ApiError | null>;
}) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const close = (): void => {
    setError(null);
    onClose();
  };
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (!contact) return;
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const failure = await onLog(contact, {
      day: String(form.get('day') ?? '') || today,
      note: String(form.get('note') ?? ''),
    });
    setBusy(false);
    setError(failure);
    if (!failure) close();
  };
  const general = generalError(error, ['day', 'note']);
  return (
    <Dialog open={contact !== null} onClose={close} labelledBy="talk-title" className="dialog">
      {contact ? (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <h2 id="talk-title">Conversation with {contact.name}</h2>
          <Field
            label="Day"
            name="day"
            type="date"
            max={today}
            defaultValue={today}
            error={error?.field('day')}
          />
          <Field
            label="What did you talk about?"
            name="note"
            placeholder="e.g. Pricing, and who else to ask"
            autoComplete="off"
            autoFocus
            error={error?.field('note')}
          />
          {general ? (
            <p className="form-error" role="alert">
              {general}
            </p>
          ) : null}
          <div className="dialog-actions">
            <button className="button primary" type="submit" disabled={busy}>
              Log conversation
            </button>
            <button className="button subtle" type="button" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </Dialog>
  );
}
