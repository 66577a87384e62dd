import { useRef, useState, type KeyboardEvent } from 'react';
import { call, callAll, type Output } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { useSession } from '../app/session.js';
import { switchWorkspace, useCurrentWorkspace } from '../team/workspace-store.js';
import { canWrite, messageOf, shortDay, useLoad } from '../ui/life-helpers.js';
import { notify } from '../ui/notify.js';
import './work.css';

export type WorkItem = Output<typeof api.listMyWork>;
type Workspace = Output<typeof api.me>['workspaces'][number];
type TabId = 'mine' | 'waiting' | 'open';

const TABS: { id: TabId; label: string; empty: string }[] = [
  {
    id: 'mine',
    label: 'Mine',
    empty: 'Nothing is assigned to you here. Pick something up under “Open for pickup”.',
  },
  {
    id: 'waiting',
    label: 'Waiting on others',
    empty: 'You are not waiting on anyone: nothing you handed over is still open.',
  },
  { id: 'open', label: 'Open for pickup', empty: 'No task is open for pickup right now.' },
];

/** My work in a team: what is assigned to me, what I wait on, and tasks anyone can pick up. */
export default function WorkView() {
  const session = useSession();
  const workspaceId = useCurrentWorkspace(session.workspaceId);
  const me = useLoad(() => call(api.me, {}));
  const workspaces = me.data?.workspaces ?? [];
  const current = workspaces.find((w) => w.id === workspaceId);
  return (
    <section className="view work-view" aria-labelledby="view-title">
      <header className="view-head">
        <div>
          <h1 id="view-title">My work</h1>
          <p className="muted">
            {current?.kind === 'personal'
              ? 'In your personal workspace everything is yours. Choose a team workspace to share work.'
              : 'What is assigned to you, what you handed to teammates, and tasks anyone can take.'}
          </p>
        </div>
        {workspaces.length > 1 ? (
          <div className="field work-workspace">
            <label htmlFor="work-workspace">Workspace</label>
            <select
              id="work-workspace"
              value={workspaceId}
              onChange={(e) => switchWorkspace(e.currentTarget.value)}
            >
              {workspaces.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                  {w.kind === 'personal' ? ' (personal)' : ''}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </header>
      {/* Keyed by workspace: switching reads every list again. */}
      <WorkLists key={workspaceId} workspace={current} />
    </section>
  );
}

function WorkLists({ workspace }: { workspace: Workspace | undefined }) {
  const [tab, setTab] = useState<TabId>('mine');
  const tabRefs = useRef<Array<HTMLButtonElement | null>>([]);
  const mine = useLoad(() => callAll(api.listMyWork, { status: 'all' }));
  const waiting = useLoad(() => callAll(api.listWaitingOnOthers, {}));
  const open = useLoad(() => callAll(api.listOpenForPickup, {}));
  const [busy, setBusy] = useState<Set<string>>(new Set());
  const writable = canWrite(workspace?.role ?? null);
  const lists = { mine, waiting, open };
  const current = lists[tab];

  const onTabKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    const i = TABS.findIndex((t) => t.id === tab);
    const next =
      event.key === 'ArrowRight'
        ? (i + 1) % TABS.length
        : event.key === 'ArrowLeft'
          ? (i + TABS.length - 1) % TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? TABS.length - 1
              : -1;
    if (next < 0) return;
    event.preventDefault();
    setTab(TABS[next]!.id);
    tabRefs.current[next]?.focus();
  };

  const mark = (id: string, on: boolean): void =>
    setBusy((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  /** One click: the task moves to "Mine" at once, and back if the server says someone was faster. */
  const pickUp = async (item: WorkItem): Promise<void> => {
    const beforeOpen = open.data;
    const beforeMine = mine.data;
    mark(item.id, true);
    open.set((l) => (l ?? []).filter((w) => w.id !== item.id));
    mine.set((l) => [{ ...item, openForPickup: false }, ...(l ?? [])]);
    try {
      const taken = await call(api.pickUpTask, { taskId: item.id });
      mine.set((l) => (l ?? []).map((w) => (w.id === item.id ? taken : w)));
      notify(`“${item.title}” is yours.`);
      void mine.reload();
    } catch (e) {
      open.set(beforeOpen);
      mine.set(beforeMine);
      notify(messageOf(e), 'error');
      void open.reload();
    } finally {
      mark(item.id, false);
    }
  };

  /** Give my item back to the team, optimistically. */
  const giveBack = async (item: WorkItem): Promise<void> => {
    const before = mine.data;
    mark(item.id, true);
    mine.set((l) => (l ?? []).filter((w) => w.id !== item.id));
    try {
      if (item.kind === 'task') await call(api.unassignTask, { taskId: item.id });
      else await call(api.unassignMicroGoal, { microGoalId: item.id });
      notify(`“${item.title}” went back to the team.`);
    } catch (e) {
      mine.set(before);
      notify(messageOf(e), 'error');
    } finally {
      mark(item.id, false);
    }
  };

  const meta = TABS.find((t) => t.id === tab)!;
  const items = tab === 'mine' ? current.data : current.data?.filter((w) => w.open);
  return (
    <>
      <div className="work-tabs" role="tablist" aria-label="Work lists" onKeyDown={onTabKey}>
        {TABS.map((t, i) => {
          const count = lists[t.id].data?.filter((w) => w.open).length;
          return (
            <button
              key={t.id}
              ref={(el) => {
                tabRefs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`work-tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={`work-panel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              className="work-tab"
              onClick={() => setTab(t.id)}
            >
              {t.label}
              {count !== undefined ? <span className="work-count"> {count}</span> : null}
            </button>
          );
        })}
      </div>
      <div
        className="panel"
        role="tabpanel"
        id={`work-panel-${tab}`}
        aria-labelledby={`work-tab-${tab}`}
      >
        {current.error && !current.data ? (
          <div className="error-state" role="alert">
            <p>This list could not be loaded: {current.error}</p>
            <button type="button" className="button" onClick={() => void current.reload()}>
              Try again
            </button>
          </div>
        ) : !items ? (
          <p className="loading" role="status">
            Loading…
          </p>
        ) : items.length === 0 ? (
          <p className="empty">{meta.empty}</p>
        ) : (
          <ul className="rows" aria-label={meta.label}>
            {items.map((item) => (
              <WorkRow
                key={item.id}
                item={item}
                tab={tab}
                busy={busy.has(item.id)}
                writable={writable}
                onPickUp={pickUp}
                onGiveBack={giveBack}
              />
            ))}
          </ul>
        )}
      </div>
    </>
  );
}

function WorkRow(props: {
  item: WorkItem;
  tab: TabId;
  busy: boolean;
  writable: boolean;
  onPickUp: (item: WorkItem) => Promise<void>;
  onGiveBack: (item: WorkItem) => Promise<void>;
}) {
  const { item, tab, busy, writable } = props;
  const when = item.day ? shortDay(item.day) : `Week ${item.week.slice(6)}`;
  const context = item.microGoalTitle ?? item.goalTitle;
  const who =
    tab === 'waiting'
      ? item.assigneeName
        ? `with ${item.assigneeName}`
        : null
      : tab === 'mine' && item.assignedByName && item.assignedById !== item.assigneeId
        ? `from ${item.assignedByName}`
        : null;
  return (
    <li className={`row work-row status-${item.status}`} data-id={item.id}>
      <div className="row-main">
        <span className="row-title">
          {item.title}
          {item.kind === 'micro_goal' ? <span className="badge work-kind">micro-goal</span> : null}
        </span>
        <span className="row-meta">
          <span>{when}</span>
          {item.minutes ? <span className="timebox">{item.minutes} min</span> : null}
          {context ? <span className="muted">{context}</span> : null}
          {who ? <span>{who}</span> : null}
          {!item.open ? <span className="badge">{item.status}</span> : null}
        </span>
      </div>
      {writable && item.open ? (
        <div className="row-actions">
          {tab === 'open' ? (
            <button
              type="button"
              className="button small"
              disabled={busy}
              onClick={() => void props.onPickUp(item)}
              aria-label={`Pick up: ${item.title}`}
            >
              Pick up
            </button>
          ) : tab === 'mine' ? (
            <button
              type="button"
              className="button small subtle"
              disabled={busy}
              onClick={() => void props.onGiveBack(item)}
              aria-label={`Give back: ${item.title}`}
            >
              Give back
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
