import { useEffect, useState, type FormEvent } from 'react';
import type { ApiError } from '../api/client.js';
import { call, callAll, callPage, type Output } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { useSession } from '../app/session.js';
import { Celebration } from '../ui/Celebration.js';
import { Field } from '../ui/Field.js';
import { asApiError, generalError, messageOf, shortDay } from './journal-util.js';

type Win = Output<typeof api.listWins>;
type Filter = 'all' | 'private' | 'shared';

const SOURCES: Record<Win['source'], string> = {
  manual: 'logged by hand',
  task: 'a task done',
  micro_goal: 'a micro-goal done',
  milestone: 'a milestone',
};
const PAGE = 25;

/** Every win: log one (private or shared with the team), and look back over them. */
export function WinsPanel() {
  const { me } = useSession();
  const [wins, setWins] = useState<Win[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  const [filter, setFilter] = useState<Filter>('all');
  const [error, setError] = useState<ApiError | null>(null);
  const [burst, setBurst] = useState<{ id: number; text: string } | null>(null);

  const load = (): void => {
    setLoadError(null);
    callPage(api.listWins, {}, { limit: PAGE }).then(
      (p) => {
        setWins(p.items);
        setCursor(p.nextCursor);
      },
      (e: unknown) => setLoadError(messageOf(e)),
    );
  };
  useEffect(() => {
    load();
    // Teammates' names for their shared wins; without them a win just says "a teammate".
    callAll(api.listMembers, {}).then(
      (m) => setNames(Object.fromEntries(m.map((x) => [x.userId, x.name]))),
      () => undefined,
    );
  }, []);

  const more = async (): Promise<void> => {
    if (!cursor) return;
    try {
      const p = await callPage(api.listWins, {}, { cursor, limit: PAGE });
      setWins((w) => [...(w ?? []), ...p.items]);
      setCursor(p.nextCursor);
    } catch (e) {
      setLoadError(messageOf(e));
    }
  };

  const log = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const title = String(form.get('title') ?? '');
    const visibility = form.get('shared') ? 'shared' : 'private';
    const before = wins;
    const now = new Date().toISOString();
    const pending: Win = {
      id: `pending-${now}`,
      userId: me.user.id,
      title: title.trim(),
      note: '',
      source: 'manual',
      sourceId: null,
      visibility,
      day: now.slice(0, 10),
      createdAt: now,
    };
    if (title.trim()) setWins([pending, ...(before ?? [])]);
    try {
      const win = await call(api.logWin, { title, visibility });
      setWins((w) => (w ?? []).map((x) => (x.id === pending.id ? win : x)));
      setError(null);
      formEl.reset();
      setBurst((b) => ({ id: (b?.id ?? 0) + 1, text: 'Win logged. Well done!' }));
    } catch (e) {
      setWins(before);
      setError(asApiError(e));
    }
  };

  const shown = wins?.filter((w) => filter === 'all' || w.visibility === filter) ?? null;
  const general = generalError(error, ['title', 'visibility']);

  return (
    <section className="panel" aria-labelledby="jwins-title">
      <h2 id="jwins-title">Wins</h2>
      <Celebration burst={burst} />
      <form className="journal-win-form" onSubmit={(e) => void log(e)} noValidate>
        <Field
          label="Log a win"
          name="title"
          autoComplete="off"
          placeholder="What went well?"
          error={error?.field('title')}
        />
        <label className="check-label">
          <input type="checkbox" name="shared" /> Share with the team
        </label>
        <button type="submit" className="button primary small">
          Log win
        </button>
        {general ? (
          <p className="form-error" role="alert">
            {general}
          </p>
        ) : null}
      </form>
      <div className="field filter-field">
        <label htmlFor="win-filter">Show</label>
        <select
          id="win-filter"
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value as Filter)}
        >
          <option value="all">All wins</option>
          <option value="private">Private only</option>
          <option value="shared">Shared with the team</option>
        </select>
      </div>
      {loadError && !wins ? (
        <p className="form-error" role="alert">
          Wins could not be loaded: {loadError}{' '}
          <button type="button" className="link-button" onClick={load}>
            Try again
          </button>
        </p>
      ) : null}
      {!shown && !loadError ? (
        <p className="loading" role="status">
          Loading wins…
        </p>
      ) : null}
      {shown?.length === 0 ? (
        <p className="empty muted">
          {filter === 'all'
            ? 'No wins yet. Finish a task on Today or log one above: small ones count.'
            : `No ${filter} wins${cursor ? ' among the latest' : ''}.`}
        </p>
      ) : null}
      {shown && shown.length > 0 ? (
        <ul className="plain-list journal-wins" aria-label="Wins">
          {shown.map((w) => (
            <li key={w.id}>
              <span className="win-star" aria-hidden="true">
                ★
              </span>
              <div>
                <span className="win-title">{w.title}</span>
                <span className="muted small win-meta">
                  {shortDay(w.day)} · {SOURCES[w.source]}
                  {w.userId !== me.user.id ? ` · by ${names[w.userId] ?? 'a teammate'}` : ''}{' '}
                  <span className={`badge ${w.visibility === 'shared' ? 'badge-shared' : ''}`}>
                    {w.visibility === 'shared' ? 'Shared' : 'Private'}
                  </span>
                </span>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {cursor ? (
        <button type="button" className="button small" onClick={() => void more()}>
          Show older wins
        </button>
      ) : null}
    </section>
  );
}
