import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, call, callAll, type Output } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { Field } from '../ui/Field.js';
import { notify } from '../ui/notify.js';

type Link = Output<typeof api.listReportShares>;
type Created = Output<typeof api.createReportShare>;

export interface SecretLinkKind {
  id: string;
  title: string;
  intro: string;
  noun: string;
  empty: string;
  create: (expiresInDays?: number) => Promise<Created>;
  list: () => Promise<Link[]>;
  revoke: (id: string) => Promise<unknown>;
}

export const SHARE_LINKS: SecretLinkKind = {
  id: 'share',
  title: 'Share links',
  intro:
    'A read-only link to your weekly report, for a mentor or an accountability partner. It opens the report and nothing else.',
  noun: 'share link',
  empty: 'No share link yet. Create one and send it to someone who keeps you on track.',
  create: (expiresInDays) => call(api.createReportShare, { expiresInDays }),
  list: () => callAll(api.listReportShares, {}),
  revoke: (shareId) => call(api.revokeReportShare, { shareId }),
};

export const CALENDAR_FEEDS: SecretLinkKind = {
  id: 'feed',
  title: 'Calendar feed',
  intro:
    'A secret iCalendar address with your focus windows, review times and routine reminders. Subscribe to it from any calendar app.',
  noun: 'calendar feed',
  empty: 'No calendar feed yet. Create one, then add it to your calendar app by URL.',
  create: (expiresInDays) => call(api.createCalendarFeed, { expiresInDays }),
  list: () => callAll(api.listCalendarFeeds, {}),
  revoke: (feedId) => call(api.revokeCalendarFeed, { feedId }),
};

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function date(instant: string | null, otherwise: string): string {
  return instant ? new Date(instant).toLocaleDateString() : otherwise;
}

/** Copy text to the clipboard; falls back to selecting the field and the browser's copy command. */
async function copy(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

/** Create (the secret shown once, with a copy button), list and revoke secret links of one kind. */
export function SecretLinks({ kind }: { kind: SecretLinkKind }) {
  const [links, setLinks] = useState<Link[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [fresh, setFresh] = useState<{ url: string; id: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const urlField = useRef<HTMLInputElement>(null);
  const headingId = useId();

  const load = (): void => {
    setLoadError(null);
    kind.list().then(setLinks, (e: unknown) => setLoadError(messageOf(e)));
  };
  useEffect(load, [kind]);
  useEffect(() => {
    if (fresh) urlField.current?.select();
  }, [fresh]);

  const create = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const raw = String(new FormData(event.currentTarget).get('days') ?? '').trim();
    setBusy(true);
    try {
      const created = await kind.create(raw === '' ? undefined : Number(raw));
      setFresh({ url: `${location.origin}${created.path}`, id: created.link.id });
      setLinks((l) => [created.link, ...(l ?? [])]);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'unknown', messageOf(e)));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (link: Link): Promise<void> => {
    const before = links;
    setLinks((l) => l?.filter((x) => x.id !== link.id) ?? null);
    if (fresh?.id === link.id) setFresh(null);
    try {
      await kind.revoke(link.id);
      notify(`The ${kind.noun} was revoked: it stops working at once.`);
    } catch (e) {
      setLinks(before);
      notify(`Could not revoke the ${kind.noun}: ${messageOf(e)}`, 'error');
    }
  };

  const daysError = error?.field('expiresInDays');
  return (
    <section className="panel secret-links" aria-labelledby={headingId}>
      <h2 id={headingId}>{kind.title}</h2>
      <p className="muted small">{kind.intro}</p>
      {fresh ? (
        <div className="fresh-link" role="group" aria-label={`Your new ${kind.noun}`}>
          <p className="small">
            <strong>Copy it now:</strong> this address is shown only once.
          </p>
          <div className="copy-row">
            <label className="visually-hidden" htmlFor={`${headingId}-url`}>
              New {kind.noun}
            </label>
            <input
              id={`${headingId}-url`}
              ref={urlField}
              readOnly
              value={fresh.url}
              data-testid={`${kind.id}-url`}
              onFocus={(e) => e.currentTarget.select()}
            />
            <button
              type="button"
              className="button small primary"
              onClick={() =>
                void copy(fresh.url, urlField.current).then((ok) =>
                  notify(ok ? 'Copied to the clipboard.' : 'Select the address and copy it.'),
                )
              }
            >
              Copy<span className="visually-hidden"> the {kind.noun}</span>
            </button>
            <button type="button" className="button small subtle" onClick={() => setFresh(null)}>
              Done
            </button>
          </div>
        </div>
      ) : null}
      <form className="secret-form" onSubmit={(e) => void create(e)} noValidate>
        <Field
          label="Expires after (days)"
          name="days"
          type="number"
          min={1}
          inputMode="numeric"
          hint="Leave empty for a link that lasts until you revoke it"
          error={daysError}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Creating…' : `Create a ${kind.noun}`}
        </button>
        {error && !daysError ? (
          <p className="form-error" role="alert">
            {error.message}
          </p>
        ) : null}
      </form>
      {loadError && !links ? (
        <p className="form-error" role="alert">
          {loadError}{' '}
          <button type="button" className="link-button" onClick={load}>
            Try again
          </button>
        </p>
      ) : null}
      {!links && !loadError ? (
        <p className="loading" role="status">
          Loading…
        </p>
      ) : null}
      {links?.length === 0 ? <p className="empty muted">{kind.empty}</p> : null}
      {links && links.length > 0 ? (
        <ul className="plain-list link-list" aria-label={`Your ${kind.noun}s`}>
          {links.map((l) => (
            <li key={l.id}>
              <div>
                <span className="link-name">
                  {kind.noun[0]!.toUpperCase() + kind.noun.slice(1)} created {date(l.createdAt, '')}
                </span>
                <span className="muted small">
                  {' '}
                  {l.expiresAt ? `expires ${date(l.expiresAt, '')}` : 'never expires'} ·{' '}
                  {l.lastUsedAt ? `last opened ${date(l.lastUsedAt, '')}` : 'not opened yet'}
                </span>{' '}
                <span className={`badge ${l.status === 'expired' ? 'badge-expired' : ''}`}>
                  {l.status === 'expired' ? 'Expired' : 'Active'}
                </span>
              </div>
              <button type="button" className="button small" onClick={() => void revoke(l)}>
                Revoke
                <span className="visually-hidden">
                  {' '}
                  the {kind.noun} created {date(l.createdAt, '')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
