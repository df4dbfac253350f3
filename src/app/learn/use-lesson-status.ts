/**
 * Which steps of the open lesson are done, asked of the worker once per published frame (the
 * worker is the only publisher; no timers here). One request in flight at a time.
 */
import { useEffect, useRef, useState } from 'react';
import { simulator } from '../sim-client';
import { useSim } from '../stores/sim-store';

export function useLessonStatus(id: string): boolean[] | null {
  const frame = useSim((s) => s.frame);
  const [status, setStatus] = useState<boolean[] | null>(null);
  const busy = useRef(false);
  useEffect(() => {
    if (busy.current) return;
    busy.current = true;
    void simulator().lessonStatus(id).then((s) => {
      busy.current = false;
      setStatus(s);
    }, () => { busy.current = false; });
  }, [id, frame]);
  return status;
}
