import { useEffect, useState, type FormEvent } from 'react';
import { call, callAll, type ApiError, type Output } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { Link } from '../app/Link.js';
import { Dialog } from '../ui/Dialog.js';
import { Field, TextAreaField } from '../ui/Field.js';
import { asApiError, messageOf, type GoalDetail } from './format.js';
import './save-playbook.css';

type Playbook = Output<typeof api.savePlaybook>;
type Named = { id: string; name: string };

interface Contents {
  routines: string[];
  prompts: string[];
  checklists: Named[];
  templates: Named[];
}

const FIELDS = ['key', 'name', 'description', 'checklists', 'templates'];

/** A key suggested from the goal's title: "Launch the beta!" → "launch-the-beta". */
function suggestKey(title: string): string {
  const key = title
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return key.length >= 2 ? key : '';
}

/** "Save as playbook" on a goal's page: a button, and a dialog showing what the playbook takes. */
export function SavePlaybook({ detail }: { detail: GoalDetail }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Save as playbook
      </button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        labelledBy="save-playbook-title"
        className="dialog"
      >
        <SavePlaybookForm detail={detail} onClose={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function SavePlaybookForm({ detail, onClose }: { detail: GoalDetail; onClose: () => void }) {
  const goal = detail.goal;
  const [contents, setContents] = useState<Contents | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [checklists, setChecklists] = useState<Set<string>>(new Set());
  const [templates, setTemplates] = useState<Set<string>>(new Set());
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<Playbook | null>(null);

  useEffect(() => {
    Promise.all([
      callAll(api.listRoutines, {}),
      callAll(api.listReviewPrompts, {}),
      callAll(api.listChecklists, {}),
      callAll(api.listTemplates, {}),
    ])
      .then(([routines, prompts, lists, steps]) => {
        setContents({
          routines: routines.filter((r) => r.goalId === goal.id).map((r) => r.name),
          prompts: prompts.filter((p) => p.goalId === goal.id).map((p) => p.text),
          checklists: lists.map(({ id, name }) => ({ id, name })),
          templates: steps.map(({ id, name }) => ({ id, name })),
        });
        // Everything is taken unless unticked, as the CLI and the API do.
        setChecklists(new Set(lists.map((c) => c.id)));
        setTemplates(new Set(steps.map((t) => t.id)));
      })
      .catch((e: unknown) => setLoadError(messageOf(e)));
  }, [goal.id]);

  const metrics = [...detail.metrics].sort((a, b) => Number(b.primary) - Number(a.primary));
  const latestWeek = detail.microGoals
    .map((m) => m.week)
    .sort()
    .at(-1);
  const microGoals = detail.microGoals.filter((m) => m.week === latestWeek).map((m) => m.title);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string): string => String(form.get(name) ?? '');
    setBusy(true);
    try {
      const playbook = await call(api.savePlaybook, {
        key: text('key'),
        name: text('name') || undefined,
        description: text('description'),
        fromGoalId: goal.id,
        checklists: contents ? [...checklists] : undefined,
        templates: contents ? [...templates] : undefined,
      });
      setError(null);
      setSaved(playbook);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  if (saved) {
    return (
      <div className="save-playbook" role="status">
        <h2 id="save-playbook-title">Playbook saved</h2>
        <p>
          <strong>{saved.name}</strong> ({saved.key}) is one of this workspace&apos;s playbooks now:
          anyone here can start a goal from it, with its{' '}
          {[
            saved.body.checklists.length > 0 ? 'checklists' : null,
            saved.body.templates.length > 0 ? 'templates' : null,
            'routines and review prompts',
          ]
            .filter(Boolean)
            .join(', ')}
          .
        </p>
        <div className="dialog-actions">
          <Link href="/welcome" className="button">
            See the playbooks
          </Link>
          <button type="button" className="button primary" onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    );
  }

  const general =
    error && !error.details.some((d) => FIELDS.includes(d.path)) ? error.message : null;
  const listError = error?.field('checklists') ?? error?.field('templates');
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="goal-form save-playbook">
      <h2 id="save-playbook-title">Save as playbook</h2>
      <p className="muted small">
        A playbook lets anyone in this workspace start a goal the way this one went.
      </p>
      <div className="goal-form-row">
        <Field
          label="Key"
          name="key"
          defaultValue={suggestKey(goal.title)}
          hint="Lowercase letters, digits and dashes, e.g. food-drive"
          error={error?.field('key')}
          autoComplete="off"
          required
        />
        <Field
          label="Name"
          name="name"
          defaultValue={goal.title}
          error={error?.field('name')}
          autoComplete="off"
        />
      </div>
      <TextAreaField
        label="Description"
        name="description"
        hint="What it is for and when it works best."
        error={error?.field('description')}
      />

      <h3 className="small">It will include</h3>
      <dl className="playbook-contents">
        <div>
          <dt>Metrics</dt>
          <dd>{metrics.map((m) => (m.primary ? `★ ${m.name}` : m.name)).join(', ')}</dd>
        </div>
        <div>
          <dt>Micro-goals{latestWeek ? ` (from ${latestWeek})` : ''}</dt>
          <dd>
            {microGoals.length > 0 ? microGoals.join(', ') : <span className="muted">None</span>}
          </dd>
        </div>
        <div>
          <dt>Routines</dt>
          <dd>
            {contents === null ? (
              <span className="muted">…</span>
            ) : contents.routines.length > 0 ? (
              contents.routines.join(', ')
            ) : (
              <span className="muted">None linked to this goal</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Review prompts</dt>
          <dd>
            {contents === null ? (
              <span className="muted">…</span>
            ) : contents.prompts.length > 0 ? (
              contents.prompts.join(' · ')
            ) : (
              <span className="muted">None for this goal</span>
            )}
          </dd>
        </div>
      </dl>
      {loadError ? (
        <p className="form-error" role="alert">
          The checklists and templates could not be loaded ({loadError}); saving takes all of them.
        </p>
      ) : null}
      {contents === null && !loadError ? (
        <p className="loading small" role="status">
          Loading the workspace&apos;s checklists and templates…
        </p>
      ) : null}
      {contents ? (
        <div className="goal-form-row">
          <Choice
            legend="Checklists"
            empty="This workspace has no checklist yet."
            items={contents.checklists}
            chosen={checklists}
            onChange={setChecklists}
          />
          <Choice
            legend="Templates"
            empty="This workspace has no template yet."
            items={contents.templates}
            chosen={templates}
            onChange={setTemplates}
          />
        </div>
      ) : null}
      {listError ? (
        <p className="field-error" role="alert">
          {listError}
        </p>
      ) : null}
      {general ? (
        <p className="form-error" role="alert">
          {general}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button subtle" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save the playbook'}
        </button>
      </div>
    </form>
  );
}

/** The workspace's checklists (or templates) as boxes to tick: those ticked travel with the playbook. */
function Choice({
  legend,
  empty,
  items,
  chosen,
  onChange,
}: {
  legend: string;
  empty: string;
  items: Named[];
  chosen: Set<string>;
  onChange: (next: Set<string>) => void;
}) {
  return (
    <fieldset className="playbook-choice">
      <legend>{legend}</legend>
      {items.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        items.map((item) => (
          <label key={item.id} className="check-line">
            <input
              type="checkbox"
              checked={chosen.has(item.id)}
              onChange={(e) => {
                const next = new Set(chosen);
                if (e.currentTarget.checked) next.add(item.id);
                else next.delete(item.id);
                onChange(next);
              }}
            />{' '}
            {item.name}
          </label>
        ))
      )}
    </fieldset>
  );
}
