import { Dialog } from '../ui/Dialog.js';
import { SHORTCUTS } from './shortcuts.js';
import { views } from './views.js';

export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} labelledBy="shortcuts-title" className="dialog">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <div className="shortcut-columns">
        <dl className="shortcuts">
          {SHORTCUTS.map((s) => (
            <div key={s.keys}>
              <dt>
                <kbd>{s.keys}</kbd>
              </dt>
              <dd>{s.what}</dd>
            </div>
          ))}
        </dl>
        <dl className="shortcuts">
          {views.map((v) => (
            <div key={v.id}>
              <dt>
                <kbd>g {v.key}</kbd>
              </dt>
              <dd>Go to {v.title}</dd>
            </div>
          ))}
        </dl>
      </div>
      <form method="dialog">
        <button className="button" autoFocus>
          Close
        </button>
      </form>
    </Dialog>
  );
}
