import { useState, type FormEvent } from 'react';
import { call, type ApiError } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { Field } from '../ui/Field.js';
import { asApiError, generalError } from '../ui/life-helpers.js';
import { notify } from '../ui/notify.js';
import { ROLE_TEXT, type Workspace } from './roles.js';
import { switchWorkspace } from './workspace-store.js';

/** A token from a pasted invitation link (…/team?join=TOKEN) or the token itself. */
function tokenOf(text: string): string {
  const trimmed = text.trim();
  try {
    const join = new URL(trimmed).searchParams.get('join');
    if (join) return join;
  } catch {
    /* not a link: the token itself */
  }
  return trimmed;
}

export function WorkspaceSwitcher({
  workspaces,
  current,
  onChanged,
}: {
  workspaces: Workspace[];
  current: Workspace;
  onChanged: () => void;
}) {
  const [createError, setCreateError] = useState<ApiError | null>(null);
  const [joinError, setJoinError] = useState<ApiError | null>(null);
  const [joinToken] = useState(() => new URLSearchParams(location.search).get('join') ?? '');

  const choose = (w: Workspace): void => {
    if (w.id === current.id) return;
    switchWorkspace(w.id);
    notify(`Now working in “${w.name}”. Every view shows this workspace.`);
  };

  const create = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const formEl = event.currentTarget;
    try {
      const w = await call(api.createWorkspace, {
        name: String(new FormData(formEl).get('name') ?? ''),
      });
      setCreateError(null);
      formEl.reset();
      switchWorkspace(w.id);
      notify(`“${w.name}” created; you are its owner. Invite people below.`);
      onChanged();
    } catch (e) {
      setCreateError(asApiError(e));
    }
  };

  const join = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const formEl = event.currentTarget;
    try {
      const joined = await call(api.acceptInvitation, {
        token: tokenOf(String(new FormData(formEl).get('token') ?? '')),
      });
      setJoinError(null);
      formEl.reset();
      if (location.search.includes('join=')) history.replaceState(null, '', location.pathname);
      switchWorkspace(joined.workspaceId);
      notify(`You joined as ${ROLE_TEXT[joined.role].toLowerCase()}. Welcome to the team.`);
      onChanged();
    } catch (e) {
      setJoinError(asApiError(e));
    }
  };

  const createGeneral = generalError(createError, ['name']);
  const joinGeneral = generalError(joinError, ['token']);
  return (
    <>
      <section className="panel" aria-labelledby="workspaces-title">
        <h2 id="workspaces-title">Workspaces</h2>
        <ul className="workspace-list" aria-label="Switch workspace">
          {workspaces.map((w) => (
            <li key={w.id}>
              <button
                type="button"
                className={`workspace-choice ${w.id === current.id ? 'current' : ''}`}
                aria-current={w.id === current.id ? 'true' : undefined}
                onClick={() => choose(w)}
              >
                <span className="workspace-name">{w.name}</span>{' '}
                <span className="muted small">
                  {w.kind === 'personal' ? 'Personal' : 'Team'} · {ROLE_TEXT[w.role]}
                  {w.id === current.id ? ' · current' : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
        <form
          className="stack-form"
          onSubmit={(e) => void create(e)}
          noValidate
          aria-label="Create a team workspace"
        >
          <Field
            label="New team workspace"
            name="name"
            placeholder="e.g. Launch crew"
            autoComplete="off"
            error={createError?.field('name')}
          />
          <button type="submit" className="button">
            Create
          </button>
          {createGeneral ? (
            <p className="form-error" role="alert">
              {createGeneral}
            </p>
          ) : null}
        </form>
      </section>
      <section className="panel" aria-labelledby="join-title">
        <h2 id="join-title">Join a workspace</h2>
        {joinToken ? (
          <p className="callout">You opened an invitation link: accept it below to join.</p>
        ) : null}
        <form
          className="stack-form"
          onSubmit={(e) => void join(e)}
          noValidate
          aria-label="Join with an invitation"
        >
          <Field
            label="Invitation link or token"
            name="token"
            defaultValue={joinToken}
            autoComplete="off"
            spellCheck={false}
            error={joinError?.field('token')}
          />
          <button type="submit" className="button primary">
            Join
          </button>
          {joinGeneral ? (
            <p className="form-error" role="alert">
              {joinGeneral}
            </p>
          ) : null}
        </form>
      </section>
    </>
  );
}
