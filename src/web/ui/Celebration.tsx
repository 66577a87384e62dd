import { useEffect, useState, type CSSProperties } from 'react';

const PIECES = 12;

/** A short burst when something gets done; `key` changes start a new one. Still under reduced motion. */
export function Celebration({ burst }: { burst: { id: number; text: string } | null }) {
  const [shown, setShown] = useState<{ id: number; text: string } | null>(null);
  useEffect(() => {
    if (!burst) return;
    setShown(burst);
    const t = setTimeout(() => setShown(null), 2200);
    return () => clearTimeout(t);
  }, [burst]);
  if (!shown) return null;
  return (
    <div className="celebration" key={shown.id} data-testid="celebration" role="status">
      <div className="confetti" aria-hidden="true">
        {Array.from({ length: PIECES }, (_, i) => (
          <span key={i} style={{ '--i': i } as CSSProperties} />
        ))}
      </div>
      <p className="celebration-text">{shown.text}</p>
    </div>
  );
}
