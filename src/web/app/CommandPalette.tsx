import { useMemo, useState, type KeyboardEvent } from 'react';
import { Dialog } from '../ui/Dialog.js';

export interface Command {
  id: string;
  label: string;
  hint?: string;
  run(): void;
}

/** Ctrl/Cmd+K: type to filter, arrows to choose, Enter to run. */
export function CommandPalette({
  open,
  onClose,
  commands,
}: {
  open: boolean;
  onClose: () => void;
  commands: Command[];
}) {
  return (
    <Dialog open={open} onClose={onClose} labelledBy="palette-title" className="dialog palette">
      <PaletteBody commands={commands} onClose={onClose} />
    </Dialog>
  );
}

function PaletteBody({ commands, onClose }: { commands: Command[]; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const shown = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return commands.filter((c) => words.every((w) => c.label.toLowerCase().includes(w)));
  }, [commands, query]);
  const index = Math.min(active, Math.max(shown.length - 1, 0));
  const run = (c: Command | undefined): void => {
    if (!c) return;
    onClose();
    c.run();
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown') setActive((index + 1) % Math.max(shown.length, 1));
    else if (e.key === 'ArrowUp') setActive((index - 1 + shown.length) % Math.max(shown.length, 1));
    else if (e.key === 'Enter') run(shown[index]);
    else return;
    e.preventDefault();
  };
  return (
    <>
      <h2 id="palette-title" className="visually-hidden">
        Command palette
      </h2>
      <input
        className="palette-input"
        role="combobox"
        aria-label="Type a command or a view"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={shown[index] ? `cmd-${shown[index].id}` : undefined}
        placeholder="Go to… or do…"
        autoFocus
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKey}
      />
      <ul id="palette-list" role="listbox" aria-label="Commands" className="palette-list">
        {shown.map((c, i) => (
          <li
            key={c.id}
            id={`cmd-${c.id}`}
            role="option"
            aria-selected={i === index}
            className={i === index ? 'active' : ''}
            onMouseEnter={() => setActive(i)}
            onClick={() => run(c)}
          >
            <span>{c.label}</span>
            {c.hint ? <kbd>{c.hint}</kbd> : null}
          </li>
        ))}
        {shown.length === 0 ? (
          <li className="muted" role="option" aria-selected="false" aria-disabled="true">
            Nothing matches “{query}”.
          </li>
        ) : null}
      </ul>
    </>
  );
}
