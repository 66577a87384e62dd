import { useState, type FormEvent } from 'react';
import { call, type Input } from '../api/client.js';
import { download, isAdmin, messageOf } from '../ui/life-helpers.js';
import { notify } from '../ui/notify.js';
import { moreApi } from './more-api.js';
import type { Settings } from './ProfileSection.js';

type CsvFile = { name: string; content: string };

const MAX_FILE = 48 * 1024 * 1024;

/** A file's bytes as base64, in slices so a large file does not overflow the call stack. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'workspace';

export function DataSection({ settings }: { settings: Settings }) {
  const admin = isAdmin(settings.role);
  const [csv, setCsv] = useState<CsvFile[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [restoreMsg, setRestoreMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [loopMsg, setLoopMsg] = useState<{ ok: boolean; text: string; warnings?: string[] } | null>(
    null,
  );
  const stamp = new Date().toISOString().slice(0, 10);
  const base = `smallwins-${slug(settings.workspace.name)}-${stamp}`;

  const exportJson = async (): Promise<void> => {
    setBusy('json');
    try {
      const file = await call(moreApi.exportWorkspace, {});
      download(`${base}.json`, JSON.stringify(file, null, 2), 'application/json');
      notify('Export downloaded. Keep it somewhere safe: it holds everything in this workspace.');
    } catch (e) {
      notify(`Could not export: ${messageOf(e)}`, 'error');
    } finally {
      setBusy(null);
    }
  };

  const exportCsv = async (): Promise<void> => {
    setBusy('csv');
    try {
      const r = await call(moreApi.exportCsv, {});
      setCsv(r.files);
    } catch (e) {
      notify(`Could not export CSV: ${messageOf(e)}`, 'error');
    } finally {
      setBusy(null);
    }
  };

  const restore = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const file = (event.currentTarget.elements.namedItem('restoreFile') as HTMLInputElement)
      .files?.[0];
    if (!file) {
      setRestoreMsg({ ok: false, text: 'Choose a Small Wins export (.json) first.' });
      return;
    }
    if (file.size > MAX_FILE) {
      setRestoreMsg({ ok: false, text: 'That file is larger than the server accepts (48 MB).' });
      return;
    }
    setBusy('restore');
    try {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await file.text());
      } catch {
        throw new Error(`${file.name} is not JSON: choose the file "Download JSON" saved.`);
      }
      const r = await call(
        moreApi.restoreWorkspace,
        parsed as Input<typeof moreApi.restoreWorkspace>,
      );
      const total = Object.values(r.rows).reduce((s, n) => s + n, 0);
      setRestoreMsg({
        ok: true,
        text: `Restored ${total} rows${r.renumbered ? ' (with new ids, as these already existed on this server)' : ''}.`,
      });
    } catch (e) {
      setRestoreMsg({ ok: false, text: messageOf(e) });
    } finally {
      setBusy(null);
    }
  };

  const importLoop = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const file = (event.currentTarget.elements.namedItem('loopFile') as HTMLInputElement)
      .files?.[0];
    if (!file) {
      setLoopMsg({ ok: false, text: 'Choose a Loop export (.zip) or backup (.db) first.' });
      return;
    }
    if (file.size > MAX_FILE) {
      setLoopMsg({ ok: false, text: 'That file is larger than the server accepts (48 MB).' });
      return;
    }
    setBusy('loop');
    try {
      const r = await call(moreApi.importLoop, {
        filename: file.name,
        content: await base64Of(file),
      });
      setLoopMsg({
        ok: true,
        text: `Imported ${r.routines.length} routine${r.routines.length === 1 ? '' : 's'} with ${r.checkIns} check-ins (${r.format}): ${r.routines.map((x) => x.name).join(', ') || 'none'}.`,
        warnings: r.warnings,
      });
    } catch (e) {
      setLoopMsg({ ok: false, text: messageOf(e) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="panel" id="data" aria-labelledby="data-title">
      <h2 id="data-title">Your data</h2>
      {!admin ? (
        <p className="muted">
          Export, restore and import work on the whole workspace, so they need an admin of “
          {settings.workspace.name}”. In your personal workspace you can do all of them.
        </p>
      ) : (
        <div className="data-grid">
          <div>
            <h3>Export</h3>
            <p className="muted small">
              Everything in “{settings.workspace.name}”, to keep or to move to another server.
            </p>
            <div className="dialog-actions">
              <button
                type="button"
                className="button"
                onClick={() => void exportJson()}
                disabled={busy !== null}
              >
                {busy === 'json' ? 'Preparing…' : 'Download JSON'}
              </button>
              <button
                type="button"
                className="button"
                onClick={() => void exportCsv()}
                disabled={busy !== null}
              >
                {busy === 'csv' ? 'Preparing…' : 'Export CSV'}
              </button>
            </div>
          </div>
          <form onSubmit={(e) => void restore(e)} noValidate aria-labelledby="restore-title">
            <h3 id="restore-title">Restore</h3>
            <p className="muted small">
              Bring back a JSON export. The workspace must be empty: restore into a new team
              workspace or a fresh account.
            </p>
            <div className="field">
              <label htmlFor="restore-file">Small Wins export (.json)</label>
              <input
                id="restore-file"
                name="restoreFile"
                type="file"
                accept=".json,application/json"
              />
            </div>
            <button type="submit" className="button" disabled={busy !== null}>
              {busy === 'restore' ? 'Restoring…' : 'Restore'}
            </button>
            {restoreMsg ? (
              <p
                className={restoreMsg.ok ? 'callout' : 'form-error'}
                role={restoreMsg.ok ? 'status' : 'alert'}
              >
                {restoreMsg.text}
              </p>
            ) : null}
          </form>
          <form onSubmit={(e) => void importLoop(e)} noValidate aria-labelledby="loop-title">
            <h3 id="loop-title">Import from Loop Habit Tracker</h3>
            <p className="muted small">
              In Loop: Settings → Export as CSV (a .zip), or Settings → Export full backup (a .db).
              Each habit becomes a routine with its check-ins.
            </p>
            <div className="field">
              <label htmlFor="loop-file">Loop export (.zip or .db)</label>
              <input id="loop-file" name="loopFile" type="file" accept=".zip,.db" />
            </div>
            <button type="submit" className="button" disabled={busy !== null}>
              {busy === 'loop' ? 'Importing…' : 'Import'}
            </button>
            {loopMsg ? (
              <div
                className={loopMsg.ok ? 'callout' : 'form-error'}
                role={loopMsg.ok ? 'status' : 'alert'}
              >
                <p>{loopMsg.text}</p>
                {loopMsg.warnings?.length ? (
                  <ul className="small">
                    {loopMsg.warnings.map((w) => (
                      <li key={w}>{w}</li>
                    ))}
                  </ul>
                ) : null}
              </div>
            ) : null}
          </form>
        </div>
      )}
      {admin && csv ? (
        <div className="csv-files">
          <p className="small">
            {csv.length} CSV file{csv.length === 1 ? '' : 's'}, one per table:
          </p>
          <ul aria-label="CSV files">
            {csv.map((f) => (
              <li key={f.name}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => download(f.name, f.content, 'text/csv')}
                >
                  {f.name}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
