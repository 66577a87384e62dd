import { lazy, Suspense } from 'react';
import { usePath } from '../app/router.js';
import { GoalList } from './GoalList.js';
import './goals.css';

// A goal's page carries the charts: it loads on first visit only.
const GoalPage = lazy(() => import('./GoalPage.js'));

/** Goals: the list at /goals, one goal's page at /goals/<id>. */
export default function GoalsView() {
  const path = usePath();
  const id = path.split('/')[2];
  if (!id) return <GoalList />;
  return (
    <Suspense
      fallback={
        <p className="loading" role="status">
          Loading the goal…
        </p>
      }
    >
      <GoalPage key={id} goalId={decodeURIComponent(id)} />
    </Suspense>
  );
}
