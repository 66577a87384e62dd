import { useState } from 'react';
import { call, callAll, type Output } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { Dialog } from '../ui/Dialog.js';
import { isAdmin, messageOf, useLoad } from '../ui/life-helpers.js';
import { notify } from '../ui/notify.js';
import { ROLE_TEXT, type Workspace } from './roles.js';

type Member = Output<typeof api.listMembers>;
const ROLES: Member['role'][] = ['owner', 'admin', 'member', 'viewer'];

export function Members({
  workspace,
  myId,
  onLeft,
}: {
  workspace: Workspace;
  myId: string;
  onLeft: () => void;
}) {
  const members = useLoad(() => callAll(api.listMembers, {}));
  const [confirm, setConfirm] = useState<Member | null>(null);
  const admin = isAdmin(workspace.role);
  const owner = workspace.role === 'owner';

  const changeRole = async (m: Member, role: Member['role']): Promise<void> => {
    const before = members.data;
    members.set((l) => (l ?? []).map((x) => (x.userId === m.userId ? { ...x, role } : x)));
    try {
      await call(api.changeMemberRole, { userId: m.userId, role });
      notify(`${m.name} is now ${ROLE_TEXT[role].toLowerCase()}.`);
    } catch (e) {
      members.set(before);
      notify(`Could not change ${m.name}'s role: ${messageOf(e)}`, 'error');
    }
  };

  const remove = async (m: Member): Promise<void> => {
    setConfirm(null);
    const before = members.data;
    const leaving = m.userId === myId;
    members.set((l) => (l ?? []).filter((x) => x.userId !== m.userId));
    try {
      await call(api.removeMember, { userId: m.userId });
      notify(
        leaving ? `You left “${workspace.name}”.` : `${m.name} was removed from the workspace.`,
      );
      if (leaving) onLeft();
    } catch (e) {
      members.set(before);
      notify(
        `${leaving ? 'Could not leave' : `Could not remove ${m.name}`}: ${messageOf(e)}`,
        'error',
      );
    }
  };

  const list = members.data;
  return (
    <section className="panel" aria-labelledby="members-title">
      <div className="panel-head">
        <h2 id="members-title">Members of {workspace.name}</h2>
        {list ? <span className="muted small">{list.length} people</span> : null}
      </div>
      {members.error && !list ? (
        <p className="form-error" role="alert">
          Members could not be loaded: {members.error}
        </p>
      ) : !list ? (
        <p className="loading" role="status">
          Loading members…
        </p>
      ) : (
        <ul className="rows" aria-label="Members">
          {list.map((m) => {
            const me = m.userId === myId;
            // Only owners make or unmake owners; nobody changes their own role here.
            const editable = admin && !me && (owner || m.role !== 'owner');
            return (
              <li
                key={m.userId}
                className="row member-row"
                aria-label={`${m.name}${me ? ' (you)' : ''}, ${ROLE_TEXT[m.role]}`}
              >
                <div className="row-main">
                  <span className="row-title">
                    {m.name}
                    {me ? <span className="muted"> (you)</span> : null}
                  </span>
                  {m.email ? <span className="row-meta muted member-email">{m.email}</span> : null}
                </div>
                <div className="row-actions">
                  {editable ? (
                    <>
                      <label className="visually-hidden" htmlFor={`role-${m.userId}`}>
                        Role of {m.name}
                      </label>
                      <select
                        id={`role-${m.userId}`}
                        className="role-select"
                        value={m.role}
                        onChange={(e) => void changeRole(m, e.target.value as Member['role'])}
                      >
                        {ROLES.filter((r) => owner || r !== 'owner').map((r) => (
                          <option key={r} value={r}>
                            {ROLE_TEXT[r]}
                          </option>
                        ))}
                      </select>
                      <button
                        type="button"
                        className="button small subtle danger"
                        onClick={() => setConfirm(m)}
                        aria-label={`Remove ${m.name}`}
                      >
                        Remove
                      </button>
                    </>
                  ) : (
                    <span className="badge">{ROLE_TEXT[m.role]}</span>
                  )}
                  {me ? (
                    <button
                      type="button"
                      className="button small subtle"
                      onClick={() => setConfirm(m)}
                    >
                      Leave
                    </button>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <Dialog
        open={confirm !== null}
        onClose={() => setConfirm(null)}
        labelledBy="confirm-remove-title"
        className="dialog"
      >
        {confirm ? (
          <div>
            <h2 id="confirm-remove-title">
              {confirm.userId === myId ? `Leave “${workspace.name}”?` : `Remove ${confirm.name}?`}
            </h2>
            <p>
              {confirm.userId === myId
                ? 'You lose access at once; what you added stays with the team. An invitation brings you back.'
                : `${confirm.name} loses access at once. What they added stays in the workspace.`}
            </p>
            <div className="dialog-actions">
              <button
                type="button"
                className="button primary danger-fill"
                onClick={() => void remove(confirm)}
              >
                {confirm.userId === myId ? 'Leave' : 'Remove'}
              </button>
              <button
                type="button"
                className="button subtle"
                onClick={() => setConfirm(null)}
                autoFocus
              >
                Cancel
              </button>
            </div>
          </div>
        ) : null}
      </Dialog>
    </section>
  );
}
