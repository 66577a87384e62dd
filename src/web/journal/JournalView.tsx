import { usePath } from '../app/router.js';
import { LessonsPanel } from './LessonsPanel.js';
import { ReviewFlow } from './ReviewFlow.js';
import { ReviewsPanel } from './ReviewsPanel.js';
import { WinsPanel } from './WinsPanel.js';
import './journal.css';

/** Journal: reviews (with the guided review at /journal/review/<id>), lessons and wins. */
export default function JournalView() {
  const path = usePath();
  const review = /^\/journal\/review\/([^/]+)/.exec(path)?.[1];
  if (review) return <ReviewFlow key={review} reviewId={decodeURIComponent(review)} />;
  return (
    <section className="view journal" aria-labelledby="view-title">
      <header className="view-head">
        <div>
          <h1 id="view-title">Journal</h1>
          <p className="muted">
            Look back on the week, keep what you learn, and remember what went well.
          </p>
        </div>
      </header>
      <div className="journal-grid">
        <div className="journal-main">
          <ReviewsPanel />
          <LessonsPanel />
        </div>
        <div className="journal-side">
          <WinsPanel />
        </div>
      </div>
    </section>
  );
}
