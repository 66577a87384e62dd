import type { ViewDef } from '../app/views.js';
import { Link } from '../app/Link.js';

/** A view that is not built yet: says what it will hold and where to go meanwhile. */
export function Placeholder({ view }: { view: ViewDef }) {
  return (
    <section className="view" aria-labelledby="view-title">
      <h1 id="view-title">{view.title}</h1>
      <div className="empty">
        <p>{view.description}</p>
        <p>
          This view is on its way. Meanwhile, <Link href="/today">Today</Link> has your tasks and
          routines, and the <code>smallwins</code> command covers the rest.
        </p>
      </div>
    </section>
  );
}
