/**
 * Asks before any live call that changes or costs something (PutRecord, UpdateShardCount,
 * SplitShard). A modal <dialog>: focus moves into it, Escape cancels.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export function ConfirmDialog({ title, body, op, proceedLabel, onConfirm, onCancel }: { title: string; body: string; op: string; proceedLabel?: string; onConfirm(): void; onCancel(): void }) {
  const { t } = useTranslation('live');
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog ref={ref} className="live-confirm" aria-labelledby="live-confirm-title" onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      <h2 id="live-confirm-title">{title}</h2>
      <p>{body}</p>
      <div className="row">
        <button type="button" className="btn" onClick={onCancel}>{t('confirm.cancel')}</button>
        <button type="button" className="btn btn-primary" data-testid="confirm-live-call" onClick={onConfirm}>{proceedLabel ?? t('confirm.proceed', { op })}</button>
      </div>
    </dialog>
  );
}
