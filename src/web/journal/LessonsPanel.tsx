import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiError } from '../api/client.js';
import { call, callAll, type Output } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { Field } from '../ui/Field.js';
import { notify } from '../ui/notify.js';
import { TextAreaField } from '../ui/Field.js';
import { asApiError, fieldError, generalError, messageOf, shortDay } from './journal-util.js';

type Lesson = Output<typeof api.listLessons>;
type Hit = Output<typeof api.searchLessons>[number];
type Origin = Lesson['origin'];

const ORIGINS: { id: Origin; label: string }[] = [
  { id: 'win', label: 'A win' },
  { id: 'failure', label: 'A failure' },
  { id: 'experiment', label: 'An experiment' },
  { id: 'review', label: 'A review' },
  { id: 'other', label: 'Something else' },
];
const FIELDS = ['title', 'body', 'origin', 'tags'];

/** A snippet with «matched» words highlighted. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/[«»]/);
  return (
    <p className="snippet small">
      {parts.map((p, i) => (i % 2 === 1 ? <mark key={i}>{p}</mark> : <span key={i}>{p}</span>))}
    </p>
  );
}

/** The lessons-learned log: full-text search, a tag filter, logging and deleting lessons. */
export function LessonsPanel() {
  const [lessons, setLessons] = useState<Lesson[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [tag, setTag] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const searchSeq = useRef(0);

  const load = (): void => {
    setLoadError(null);
    callAll(api.listLessons, tag ? { tag } : {}, 300).then(setLessons, (e: unknown) =>
      setLoadError(messageOf(e)),
    );
  };
  useEffect(load, [tag]);

  // Search as you type, after a short pause; an older answer never replaces a newer one.
  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setHits(null);
      setSearching(false);
      return;
    }
    const seq = ++searchSeq.current;
    setSearching(true);
    const t = setTimeout(() => {
      call(api.searchLessons, { query: q, limit: 30 }).then(
        (h) => {
          if (seq !== searchSeq.current) return;
          setHits(h);
          setSearching(false);
        },
        (e: unknown) => {
          if (seq !== searchSeq.current) return;
          setSearching(false);
          notify(`Search failed: ${messageOf(e)}`, 'error');
        },
      );
    }, 200);
    return () => clearTimeout(t);
  }, [query]);

  const add = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const input = {
      title: String(form.get('title') ?? ''),
      body: String(form.get('body') ?? ''),
      origin: String(form.get('origin') ?? 'other') as Origin,
      tags: String(form.get('tags') ?? '')
        .split(/[\s,]+/)
        .filter(Boolean),
    };
    const before = lessons;
    const now = new Date().toISOString();
    const pending: Lesson = {
      id: `pending-${now}`,
      ...input,
      title: input.title.trim(),
      tags: input.tags.map((t) => t.replace(/^#/, '').toLowerCase()),
      day: now.slice(0, 10),
      links: [],
      createdAt: now,
      updatedAt: now,
    };
    if (before) setLessons([pending, ...before]);
    try {
      const saved = await call(api.addLesson, input);
      setLessons((l) => (l ? l.map((x) => (x.id === pending.id ? saved : x)) : [saved]));
      setError(null);
      formEl.reset();
      notify('Lesson logged.');
    } catch (e) {
      setLessons(before);
      setError(asApiError(e));
    }
  };

  const remove = async (lesson: Lesson): Promise<void> => {
    setConfirming(null);
    const before = lessons;
    setLessons((l) => l?.filter((x) => x.id !== lesson.id) ?? null);
    setHits((h) => h?.filter((x) => x.id !== lesson.id) ?? null);
    try {
      await call(api.deleteLesson, { lessonId: lesson.id });
      notify(`Lesson “${lesson.title}” deleted.`);
    } catch (e) {
      setLessons(before);
      notify(`Could not delete “${lesson.title}”: ${messageOf(e)}`, 'error');
    }
  };

  const shown: (Lesson | Hit)[] | null = hits ?? lessons;
  const general = generalError(error, FIELDS);

  return (
    <section className="panel" aria-labelledby="lessons-title">
      <div className="panel-head">
        <h2 id="lessons-title">Lessons</h2>
        {!formOpen ? (
          <button type="button" className="button small" onClick={() => setFormOpen(true)}>
            Log a lesson
          </button>
        ) : null}
      </div>
      {formOpen ? (
        <form
          className="lesson-form"
          onSubmit={(e) => void add(e)}
          noValidate
          aria-label="Log a lesson"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setFormOpen(false);
          }}
        >
          <Field
            label="Lesson"
            name="title"
            autoFocus
            autoComplete="off"
            placeholder="e.g. Ask for the sale earlier"
            error={fieldError(error, 'title')}
          />
          <TextAreaField
            label="What happened"
            name="body"
            placeholder="The story behind it, in a few lines"
            error={fieldError(error, 'body')}
          />
          <div className="lesson-form-row">
            <div className="field">
              <label htmlFor="lesson-origin">Learned from</label>
              <select id="lesson-origin" name="origin" defaultValue="other">
                {ORIGINS.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
            <Field
              label="Tags"
              name="tags"
              autoComplete="off"
              hint="Words separated by spaces or commas"
              placeholder="pricing outreach"
              error={fieldError(error, 'tags')}
            />
          </div>
          <div className="step-actions">
            <button type="button" className="button subtle" onClick={() => setFormOpen(false)}>
              Close
            </button>
            <button type="submit" className="button primary">
              Save lesson
            </button>
          </div>
          {general ? (
            <p className="form-error" role="alert">
              {general}
            </p>
          ) : null}
        </form>
      ) : null}

      <div className="field search-field">
        <label htmlFor="lesson-search">Search lessons</label>
        <input
          id="lesson-search"
          type="search"
          value={query}
          placeholder="Words from a title, story or tag"
          onChange={(e) => setQuery(e.currentTarget.value)}
        />
      </div>
      <p className="small muted" aria-live="polite" data-testid="lesson-status">
        {query.trim()
          ? searching
            ? 'Searching…'
            : hits
              ? `${hits.length} lesson${hits.length === 1 ? '' : 's'} found for “${query.trim()}”`
              : ''
          : tag
            ? `Lessons tagged #${tag}`
            : ''}
        {tag && !query.trim() ? (
          <>
            {' '}
            <button type="button" className="link-button" onClick={() => setTag(null)}>
              Show all lessons
            </button>
          </>
        ) : null}
      </p>

      {loadError && !lessons ? (
        <p className="form-error" role="alert">
          Lessons could not be loaded: {loadError}{' '}
          <button type="button" className="link-button" onClick={load}>
            Try again
          </button>
        </p>
      ) : null}
      {!shown && !loadError ? (
        <p className="loading" role="status">
          Loading lessons…
        </p>
      ) : null}
      {shown?.length === 0 ? (
        <p className="empty muted">
          {query.trim()
            ? 'No lesson matches every word. Try fewer or shorter words.'
            : 'No lessons yet. After a win or a miss, write down what you would tell yourself next time.'}
        </p>
      ) : null}
      {shown && shown.length > 0 ? (
        <ul className="plain-list lessons" aria-label={hits ? 'Search results' : 'Lessons'}>
          {shown.map((l) => (
            <li key={l.id} className="lesson">
              <div className="lesson-head">
                <h3>{l.title}</h3>
                <span className="muted small">
                  {ORIGINS.find((o) => o.id === l.origin)?.label} · {shortDay(l.day)}
                </span>
              </div>
              {'snippet' in l ? (
                <Snippet text={l.snippet} />
              ) : l.body ? (
                <p className="lesson-body">{l.body}</p>
              ) : null}
              <div className="lesson-foot">
                {l.tags.map((t) => (
                  <button
                    key={t}
                    type="button"
                    className="tag"
                    aria-pressed={tag === t}
                    onClick={() => {
                      setQuery('');
                      setTag(tag === t ? null : t);
                    }}
                  >
                    #{t}
                    <span className="visually-hidden"> (show lessons with this tag)</span>
                  </button>
                ))}
                {l.id.startsWith('pending') ? null : confirming === l.id ? (
                  <span className="confirm">
                    <button
                      type="button"
                      className="button small danger"
                      onClick={() => void remove(l)}
                    >
                      Delete for good<span className="visually-hidden"> the lesson {l.title}</span>
                    </button>
                    <button
                      type="button"
                      className="button small subtle"
                      onClick={() => setConfirming(null)}
                    >
                      Keep
                    </button>
                  </span>
                ) : (
                  <button
                    type="button"
                    className="link-button small delete"
                    onClick={() => setConfirming(l.id)}
                  >
                    Delete<span className="visually-hidden"> lesson: {l.title}</span>
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
