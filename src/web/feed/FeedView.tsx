import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, call, callAll, type Output } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { useSession } from '../app/session.js';
import { switchWorkspace, useCurrentWorkspace } from '../team/workspace-store.js';
import { Decisions } from './Decisions.js';
import { useFeed, type FeedItem } from './use-feed.js';
import './feed.css';

type Workspace = Output<typeof api.me>['workspaces'][number];
type Comment = Output<typeof api.listComments>;

const SOURCES: Record<FeedItem['source'], string> = {
  manual: 'logged',
  task: 'finished a task',
  micro_goal: 'finished a micro-goal',
  milestone: 'reached a milestone',
};

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The team feed: shared wins as they happen, kudos, comments, and the team's decision records. */
export default function FeedView() {
  const session = useSession();
  const workspaceId = useCurrentWorkspace(session.workspaceId);
  const [workspaces, setWorkspaces] = useState<Workspace[]>([]);
  const [decisionsVersion, setDecisionsVersion] = useState(0);
  const feed = useFeed(workspaceId, () => setDecisionsVersion((v) => v + 1));
  const [shareError, setShareError] = useState<ApiError | null>(null);

  useEffect(() => {
    call(api.me, {}).then((me) => setWorkspaces(me.workspaces), () => undefined);
  }, []);
  const current = workspaces.find((w) => w.id === workspaceId);
  const canWrite = current ? current.role !== 'viewer' : true;

  const share = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget;
    const title = String(new FormData(form).get('title') ?? '');
    try {
      const win = await call(api.logWin, { title, visibility: 'shared' });
      form.reset();
      setShareError(null);
      await feed.refresh(win.id);
    } catch (e) {
      setShareError(e instanceof ApiError ? e : new ApiError(0, 'unknown', messageOf(e)));
    }
  };

  return (
    <section className="view feed-view" aria-labelledby="view-title">
      <h1 id="view-title">Team feed</h1>
      {workspaces.length > 1 ? (
        <div className="field feed-workspace">
          <label htmlFor="feed-workspace">Workspace</label>
          <select id="feed-workspace" value={workspaceId} onChange={(e) => switchWorkspace(e.currentTarget.value)}>
            {workspaces.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
                {w.kind === 'personal' ? ' (personal)' : ''}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {current?.kind === 'personal' ? (
        <p className="muted">This is your personal workspace: its feed holds only the wins you share. Teams see each other’s wins here.</p>
      ) : null}
      <div className="feed-columns">
        <section className="panel" aria-labelledby="feed-wins-title">
          <h2 id="feed-wins-title">
            Shared wins{' '}
            <span className={`badge ${feed.live ? 'badge-shared' : ''}`} role="status">
              {feed.live ? 'Live' : 'Connecting…'}
            </span>
          </h2>
          {canWrite ? (
            <form className="feed-share" onSubmit={(e) => void share(e)} noValidate>
              <label htmlFor="feed-share-title">Share a win with the team</label>
              <div className="feed-share-row">
                <input id="feed-share-title" name="title" autoComplete="off" placeholder="What went well?" aria-invalid={shareError ? true : undefined} aria-describedby={shareError ? 'feed-share-error' : undefined} />
                <button type="submit" className="button primary small">
                  Share win
                </button>
              </div>
              {shareError ? (
                <p id="feed-share-error" className="form-error" role="alert">
                  {shareError.field('title') ?? shareError.message}
                </p>
              ) : null}
            </form>
          ) : null}
          {feed.error && !feed.items ? (
            <p className="form-error" role="alert">
              The feed could not be loaded: {feed.error}{' '}
              <button type="button" className="link-button" onClick={() => void feed.load()}>
                Try again
              </button>
            </p>
          ) : null}
          {!feed.items && !feed.error ? (
            <p className="loading" role="status">
              Loading the feed…
            </p>
          ) : null}
          {feed.items?.length === 0 ? <p className="empty muted">No shared wins yet. Share one above, or finish a task: in a team its win is shared.</p> : null}
          {feed.items && feed.items.length > 0 ? (
            <ul className="plain-list feed-list" aria-label="Shared wins">
              {feed.items.map((item) => (
                <FeedEntry key={item.id} item={item} canWrite={canWrite} update={feed.update} />
              ))}
            </ul>
          ) : null}
          {feed.cursor ? (
            <button type="button" className="button small" onClick={() => void feed.more()}>
              Show older wins
            </button>
          ) : null}
        </section>
        <Decisions version={decisionsVersion} canWrite={canWrite} />
      </div>
    </section>
  );
}

function FeedEntry({ item, canWrite, update }: { item: FeedItem; canWrite: boolean; update: (id: string, change: (i: FeedItem) => FeedItem) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);

  const toggleKudos = async (): Promise<void> => {
    const before = { kudos: item.kudos, kudosGiven: item.kudosGiven };
    const giving = !item.kudosGiven;
    // Optimistic: the count moves at once and rolls back if the server says no.
    update(item.id, (i) => ({ ...i, kudosGiven: giving, kudos: i.kudos + (giving ? 1 : -1) }));
    try {
      const state = await call(giving ? api.giveKudos : api.takeBackKudos, { winId: item.id });
      update(item.id, (i) => ({ ...i, kudos: state.kudos, kudosGiven: state.kudosGiven }));
      setError(null);
    } catch (e) {
      update(item.id, (i) => ({ ...i, ...before }));
      setError(messageOf(e));
    }
  };

  return (
    <li className="feed-item">
      <span className="win-star" aria-hidden="true">
        ★
      </span>
      <div className="feed-body">
        <span className="win-title">{item.title}</span>
        <span className="muted small">
          {item.mine ? 'You' : item.author.name} {SOURCES[item.source]} · {item.day}
        </span>
        {item.note ? <p className="feed-note">{item.note}</p> : null}
        <div className="feed-actions">
          {item.mine || !canWrite ? (
            <span className="muted small" aria-label={`${item.kudos} kudos`}>
              👏 {item.kudos} kudos
            </span>
          ) : (
            <button type="button" className={`button small ${item.kudosGiven ? 'primary' : ''}`} aria-pressed={item.kudosGiven} onClick={() => void toggleKudos()}>
              👏 Kudos <span className="feed-count">{item.kudos}</span>
            </button>
          )}
          <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
            {item.comments === 1 ? '1 comment' : `${item.comments} comments`}
          </button>
        </div>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        {open ? <Comments winId={item.id} count={item.comments} canWrite={canWrite} /> : null}
      </div>
    </li>
  );
}

function Comments({ winId, count, canWrite }: { winId: string; count: number; canWrite: boolean }) {
  const [comments, setComments] = useState<Comment[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // `count` changes when a live event says comments changed: read them again.
    callAll(api.listComments, { winId }).then(setComments, (e: unknown) => setError(messageOf(e)));
  }, [winId, count]);

  const add = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget;
    const body = String(new FormData(form).get('body') ?? '');
    try {
      const comment = await call(api.addComment, { winId, body });
      setComments((c) => [...(c ?? []).filter((x) => x.id !== comment.id), comment]);
      form.reset();
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? (e.field('body') ?? e.message) : messageOf(e));
    }
  };

  const remove = async (id: string): Promise<void> => {
    try {
      await call(api.deleteComment, { commentId: id });
      setComments((c) => c?.filter((x) => x.id !== id) ?? c);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <div className="feed-comments">
      {comments === null && !error ? <p className="loading small">Loading comments…</p> : null}
      {comments && comments.length > 0 ? (
        <ul className="plain-list" aria-label="Comments">
          {comments.map((c) => (
            <li key={c.id}>
              <strong>{c.author.name}</strong> {c.body}{' '}
              {c.canDelete ? (
                <button type="button" className="link-button small" onClick={() => void remove(c.id)} aria-label={`Delete comment by ${c.author.name}`}>
                  Delete
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canWrite ? (
        <form className="feed-share-row" onSubmit={(e) => void add(e)} noValidate>
          <label className="visually-hidden" htmlFor={`comment-${winId}`}>
            Comment
          </label>
          <input id={`comment-${winId}`} name="body" maxLength={500} autoComplete="off" placeholder="Say something kind…" />
          <button type="submit" className="button small">
            Comment
          </button>
        </form>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
