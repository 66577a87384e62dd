import { dismiss, useNotice } from './notify.js';

/** The app's status line: read out by screen readers, errors assertively. */
export function NoticeBar() {
  const notice = useNotice();
  return (
    <div className="notice-area" aria-live="polite">
      {notice ? (
        <div
          className={`notice notice-${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid="notice"
        >
          <span>{notice.text}</span>
          <button
            type="button"
            className="link-button"
            onClick={dismiss}
            aria-label="Dismiss message"
          >
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
