/**
 * Which steps of the open lesson are done, asked of the worker once per published frame (the
 * worker is the only publisher; no timers here) and after each click or form submit in the page:
 * a paused world publishes no frames, yet a data-viewer read there can finish a step. A listener
 * on the document runs after React's handlers, so the request that click sent reaches the worker
 * before this question (Comlink keeps the order of calls). One request in flight at a time.
 *
 * A step once done stays done for this run of the lesson, even if the page loads another world
 * (the Kinesis-vs-SQS page reruns its comparison, the Planner restarts the scenario it edits):
 * the learner did it. Starting the lesson again clears it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { simulator } from '../sim-client';
import { useSim } from '../stores/sim-store';
import { useActiveLesson } from './active-lesson';

export function useLessonStatus(id: string): boolean[] | null {
  const frame = useSim((s) => s.frame);
  const run = useActiveLesson((s) => s.run);
  const [status, setStatus] = useState<boolean[] | null>(null);
  const busy = useRef(false);
  const again = useRef(false);
  const sticky = useRef<{ key: string; done: boolean[] }>({ key: '', done: [] });
  const ask = useCallback(() => {
    if (busy.current) {
      again.current = true;
      return;
    }
    busy.current = true;
    const settle = (s: boolean[] | null | undefined) => {
      busy.current = false;
      if (s) {
        const key = `${id}#${run}`;
        if (sticky.current.key !== key) sticky.current = { key, done: [] };
        const done = s.map((d, i) => d || sticky.current.done[i] === true);
        sticky.current.done = done;
        setStatus(done);
      } else if (s === null) setStatus(null);
      if (again.current) {
        again.current = false;
        ask();
      }
    };
    void simulator().lessonStatus(id).then(settle, () => settle(undefined));
  }, [id, run]);
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
