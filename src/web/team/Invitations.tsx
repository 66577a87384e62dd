import { useState, type FormEvent } from 'react';
import { call, callAll, type ApiError, type Output } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { Field } from '../ui/Field.js';
import { asApiError, generalError, messageOf, shortInstant, useLoad } from '../ui/life-helpers.js';
import { notify } from '../ui/notify.js';
import { CopyBox } from '../ui/CopyBox.js';
import { ROLE_TEXT, type Workspace } from './roles.js';

type Invitation = Output<typeof api.listInvitations>;

const STATUS_TEXT: Record<Invitation['status'], string> = {
  pending: 'Pending',
  expired: 'Expired',
  accepted: 'Accepted',
  revoked: 'Revoked',
};

/** The link someone opens to join; the Team view reads `?join=` and offers to accept. */
export function joinLink(token: string): string {
  return `${location.origin}/team?join=${encodeURIComponent(token)}`;
}

export function Invitations({ workspace }: { workspace: Workspace }) {
  const invitations = useLoad(() => callAll(api.listInvitations, {}));
  const [error, setError] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<{
    link: string;
    token: string;
    email: string | null;
  } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const email = String(form.get('email') ?? '').trim();
    setBusy(true);
    try {
      const result = await call(api.createInvitation, {
        role: String(form.get('role')) as Invitation['role'],
        email: email || null,
        expiresInDays: Number(form.get('expiresInDays')),
      });
      setError(null);
      formEl.reset();
      setCreated({
        link: joinLink(result.token),
        token: result.token,
        email: result.invitation.email,
      });
      invitations.set((l) => [result.invitation, ...(l ?? [])]);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (inv: Invitation): Promise<void> => {
    const before = invitations.data;
    invitations.set((l) => (l ?? []).filter((x) => x.id !== inv.id));
    try {
      await call(api.revokeInvitation, { invitationId: inv.id });
      notify('Invitation revoked: its link no longer works.');
    } catch (e) {
      invitations.set(before);
      notify(`Could not revoke the invitation: ${messageOf(e)}`, 'error');
    }
  };

  const general = generalError(error, ['email', 'role', 'expiresInDays']);
  const list = invitations.data;
  return (
    <section className="panel" aria-labelledby="invitations-title">
      <h2 id="invitations-title">Invitations</h2>
      <form
        className="invite-form"
        onSubmit={(e) => void submit(e)}
        noValidate
        aria-label="Invite someone"
      >
        <Field
          label="Email (optional)"
          name="email"
          type="email"
          autoComplete="off"
          placeholder="Empty: anyone with the link"
          error={error?.field('email')}
        />
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" name="role" defaultValue="member">
            {(
              [
                'viewer',
                'member',
                'admin',
                ...(workspace.role === 'owner' ? ['owner'] : []),
              ] as Invitation['role'][]
            ).map((r) => (
              <option key={r} value={r}>
                {ROLE_TEXT[r]}
              </option>
            ))}
          </select>
          {error?.field('role') ? (
            <small className="field-error" role="alert">
              {error.field('role')}
            </small>
          ) : null}
        </div>
        <Field
          label="Valid for (days)"
          name="expiresInDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={30}
          defaultValue={7}
          hint="1–30"
          error={error?.field('expiresInDays')}
        />
        <button className="button primary" type="submit" disabled={busy}>
          Create invitation
        </button>
        {general ? (
          <p className="form-error" role="alert">
            {general}
          </p>
        ) : null}
      </form>
      {created ? (
        <div className="callout created-secret" data-testid="invitation-link">
          <p>
            <strong>
              Send this link {created.email ? `to ${created.email}` : 'to the person you invite'}.
            </strong>{' '}
            It is shown only now.{' '}
            {created.email ? 'Only that account can use it.' : 'Anyone with it can join.'}
          </p>
          <CopyBox label="Invitation link" value={created.link} />
          <p className="muted small">
            From a terminal: <code>smallwins join {created.token}</code>
          </p>
          <button type="button" className="link-button small" onClick={() => setCreated(null)}>
            Done, hide it
          </button>
        </div>
      ) : null}
      {invitations.error && !list ? (
        <p className="form-error" role="alert">
          Invitations could not be loaded: {invitations.error}
        </p>
      ) : !list ? (
        <p className="loading" role="status">
          Loading invitations…
        </p>
      ) : list.length === 0 ? (
        <p className="empty muted">
          No open invitation. Create one above and send its link; used and revoked ones leave this
          list.
        </p>
      ) : (
        <ul className="rows" aria-label="Invitations">
          {list.map((inv) => (
            <li
              key={inv.id}
              className="row"
              aria-label={`Invitation for ${inv.email ?? 'anyone with the link'}, ${ROLE_TEXT[inv.role]}, ${STATUS_TEXT[inv.status]}`}
            >
              <div className="row-main">
                <span className="row-title">{inv.email ?? 'Anyone with the link'}</span>
                <span className="row-meta">
                  <span className="badge">{ROLE_TEXT[inv.role]}</span>
                  <span className={`status-${inv.status}`}>{STATUS_TEXT[inv.status]}</span>
                  <span className="muted">
                    {inv.status === 'pending' ? `until ${shortInstant(inv.expiresAt)}` : ''}
                  </span>
                </span>
              </div>
              {inv.status === 'pending' ? (
                <button
                  type="button"
                  className="button small subtle"
                  onClick={() => void revoke(inv)}
                  aria-label={`Revoke invitation for ${inv.email ?? 'anyone with the link'}`}
                >
                  Revoke
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
