/**
 * Which steps of the open lesson are done, asked of the worker once per published frame (the
 * worker is the only publisher; no timers here) and after each click or form submit in the page:
 * a paused world publishes no frames, yet a data-viewer read there can finish a step. A listener
 * on the document runs after React's handlers, so the request that click sent reaches the worker
 * before this question (Comlink keeps the order of calls). One request in flight at a time.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { simulator } from '../sim-client';
import { useSim } from '../stores/sim-store';

export function useLessonStatus(id: string): boolean[] | null {
  const frame = useSim((s) => s.frame);
  const [status, setStatus] = useState<boolean[] | null>(null);
  const busy = useRef(false);
  const again = useRef(false);
  const ask = useCallback(() => {
    if (busy.current) {
      again.current = true;
      return;
    }
    busy.current = true;
    const settle = (s: boolean[] | null | undefined) => {
      busy.current = false;
      if (s !== undefined) setStatus(s);
      if (again.current) {
        again.current = false;
        ask();
      }
    };
    void simulator().lessonStatus(id).then(settle, () => settle(undefined));
  }, [id]);
  useEffect(ask, [ask, frame]);
  useEffect(() => {
    document.addEventListener('click', ask);
    document.addEventListener('submit', ask);
    return () => {
      document.removeEventListener('click', ask);
      document.removeEventListener('submit', ask);
    };
  }, [ask]);
  return status;
}
