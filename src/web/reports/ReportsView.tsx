import { useCallback, useEffect, useRef, useState } from 'react';
import { call, type Output } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { navigate } from '../app/router.js';
import { plainKey, useKeydown } from '../app/shortcuts.js';
import { notify } from '../ui/notify.js';
import { addWeeks } from '../ui/iso-week.js';
import { ReportPage, weekLabel } from './ReportPage.js';
import { CALENDAR_FEEDS, SecretLinks, SHARE_LINKS } from './SecretLinks.js';
import './reports.css';

type Result = Output<typeof api.weeklyReport>;
type Scope = 'me' | 'team';

function fromUrl(): { week: string | null; scope: Scope } {
  const q = new URLSearchParams(location.search);
  const week = q.get('week');
  return {
    week: week && /^\d{4}-W\d{2}$/.test(week) ? week : null,
    scope: q.get('scope') === 'team' ? 'team' : 'me',
  };
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Reports: the weekly report (me or the team, any past week), share links and the calendar feed. */
export default function ReportsView() {
  const initial = useRef(fromUrl());
  const [week, setWeek] = useState<string | null>(initial.current.week);
  const [scope, setScope] = useState<Scope>(initial.current.scope);
  const [currentWeek, setCurrentWeek] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    call(api.getCurrentDay, {}).then(
      (d) => {
        setCurrentWeek(d.week);
        setWeek((w) => (w && w <= d.week ? w : d.week));
      },
      (e: unknown) => {
        setError(messageOf(e));
        setLoading(false);
      },
    );
  }, []);

  const load = useCallback(async (): Promise<void> => {
    if (!week) return;
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    try {
      const r = await call(api.weeklyReport, { week, scope });
      if (mine === seq.current) setResult(r);
    } catch (e) {
      if (mine === seq.current) setError(messageOf(e));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [week, scope]);

  useEffect(() => {
    void load();
    if (week && currentWeek) {
      const q = new URLSearchParams();
      if (week !== currentWeek) q.set('week', week);
      if (scope === 'team') q.set('scope', 'team');
      const search = q.toString();
      navigate(`/reports${search ? `?${search}` : ''}`, { replace: true });
    }
  }, [load, week, scope, currentWeek]);

  const atCurrent = !week || !currentWeek || week >= currentWeek;
  const move = (n: number): void => {
    if (!week) return;
    if (n > 0 && atCurrent) return;
    setWeek(addWeeks(week, n));
  };

  useKeydown(
    useCallback(
      (e: KeyboardEvent) => {
        if (!plainKey(e)) return;
        if (e.key === '[') move(-1);
        else if (e.key === ']') move(1);
        else return;
        e.preventDefault();
      },
      [week, atCurrent],
    ),
  );

  const copyMarkdown = async (): Promise<void> => {
    if (!result) return;
    try {
      await navigator.clipboard.writeText(result.markdown);
      notify('The report is on the clipboard as Markdown.');
    } catch {
      notify('The browser did not allow copying. Try again from a click.', 'error');
    }
  };

  return (
    <section className="view reports" aria-labelledby="view-title">
      <header className="view-head">
        <div>
          <h1 id="view-title">Reports</h1>
          <p className="muted">
            The week in one page: results, wins, lessons, metrics and next week’s plan.
          </p>
        </div>
      </header>
      <div className="report-controls">
        <div className="week-nav" role="group" aria-label="Week">
          <button
            type="button"
            className="button small"
            onClick={() => move(-1)}
            disabled={!week}
            aria-keyshortcuts="["
          >
            <span aria-hidden="true">←</span> Previous week
          </button>
          <strong className="week-label" aria-live="polite" data-testid="report-week">
            {week ? weekLabel(week) : '…'}
          </strong>
          <button
            type="button"
            className="button small"
            onClick={() => move(1)}
            disabled={atCurrent}
            aria-keyshortcuts="]"
          >
            Next week <span aria-hidden="true">→</span>
          </button>
          {!atCurrent ? (
            <button
              type="button"
              className="button small subtle"
              onClick={() => setWeek(currentWeek)}
            >
              This week
            </button>
          ) : null}
        </div>
        <div className="scope-toggle" role="group" aria-label="Whose report">
          {(['me', 'team'] as const).map((s) => (
            <button
              key={s}
              type="button"
              className="button small"
              aria-pressed={scope === s}
              onClick={() => setScope(s)}
            >
              {s === 'me' ? 'Me' : 'Team'}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="button small"
          disabled={!result}
          onClick={() => void copyMarkdown()}
        >
          Copy as Markdown
        </button>
      </div>
      <p className="muted small keys-hint">
        <kbd>[</kbd> and <kbd>]</kbd> move between weeks.
      </p>

      <div className="reports-grid">
        <div className="reports-main" aria-busy={loading}>
          {error ? (
            <div className="error-state" role="alert">
              <p>The report could not be made: {error}</p>
              <button type="button" className="button" onClick={() => void load()}>
                Try again
              </button>
            </div>
          ) : null}
          {!result && loading && !error ? (
            <p className="loading" role="status">
              Preparing the report…
            </p>
          ) : null}
          {result ? (
            <div className={loading ? 'stale' : ''}>
              <ReportPage report={result.report} />
            </div>
          ) : null}
        </div>
        <div className="reports-side">
          <SecretLinks kind={SHARE_LINKS} />
          <SecretLinks kind={CALENDAR_FEEDS} />
        </div>
      </div>
    </section>
  );
}
