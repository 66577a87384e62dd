import { callAll } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { useSession } from '../app/session.js';
import { isAdmin, useLoad } from '../ui/life-helpers.js';
import { Invitations } from './Invitations.js';
import { Members } from './Members.js';
import { PulseSchedulePanel } from './PulseSchedulePanel.js';
import { ROLE_TEXT } from './roles.js';
import { WorkspaceSwitcher } from './WorkspaceSwitcher.js';
import { switchWorkspace, useCurrentWorkspace } from './workspace-store.js';
import './team.css';

/** Team: which workspace you work in, its members and roles, and the invitations to join it. */
export default function TeamView() {
  const session = useSession();
  const chosen = useCurrentWorkspace(session.workspaceId);
  const workspaces = useLoad(() => callAll(api.listWorkspaces, {}));
  const list = workspaces.data;
  const current =
    list?.find((w) => w.id === chosen) ??
    list?.find((w) => w.id === session.workspaceId) ??
    list?.[0] ??
    null;

  return (
    <section className="view team-view" aria-labelledby="view-title">
      <header className="view-head">
        <div>
          <h1 id="view-title">Team</h1>
          <p className="muted">
            {current
              ? `You are working in “${current.name}” as ${ROLE_TEXT[current.role].toLowerCase()}.`
              : 'Your workspaces, their members and invitations.'}
          </p>
        </div>
      </header>
      {workspaces.error && !list ? (
        <div className="error-state" role="alert">
          <p>Your workspaces could not be loaded: {workspaces.error}</p>
          <button type="button" className="button" onClick={() => void workspaces.reload()}>
            Try again
          </button>
        </div>
      ) : !list || !current ? (
        <p className="loading" role="status">
          Loading your workspaces…
        </p>
      ) : (
        <div className="team-grid">
          <div>
            {current.kind === 'personal' ? (
              <section className="panel" aria-labelledby="members-title">
                <h2 id="members-title">Members</h2>
                <div className="empty">
                  <p>“{current.name}” is your personal workspace: only you are in it.</p>
                  <p className="muted">
                    To work with others, create a team workspace (on the right), invite people to
                    it, and switch to it. Your personal goals stay yours.
                  </p>
                </div>
              </section>
            ) : (
              <>
                {current.role === 'viewer' ? (
                  <p className="callout">
                    You are a viewer here: you can see the team but not change it.
                  </p>
                ) : null}
                <Members
                  key={current.id}
                  workspace={current}
                  myId={session.me.user.id}
                  onLeft={() => {
                    switchWorkspace(session.workspaceId);
                    void workspaces.reload();
                  }}
                />
                {isAdmin(current.role) ? (
                  <Invitations key={current.id} workspace={current} />
                ) : null}
              </>
            )}
            <PulseSchedulePanel key={`pulse-${current.id}`} workspace={current} />
          </div>
          <div>
            <WorkspaceSwitcher
              workspaces={list}
              current={current}
              onChanged={() => void workspaces.reload()}
            />
          </div>
        </div>
      )}
    </section>
  );
}
