/**
 * A shared link whose scenario carries user code (transform functions…) is never run silently: the
 * code is shown, and the user chooses to load it or keep the current scenario.
 */
import { useScenario } from '../../scenarios/scenario-store';

export function SharedCodeDialog() {
  const pending = useScenario((s) => s.pendingShared);
  const confirm = useScenario((s) => s.confirmShared);
  const reject = useScenario((s) => s.rejectShared);
  if (!pending) return null;
  return (
    <div className="modal-backdrop">
      <div className="modal" role="alertdialog" aria-modal="true" aria-labelledby="shared-code-title">
        <h2 id="shared-code-title">This shared scenario contains code</h2>
        <p>
          “{pending.doc.name ?? 'Unnamed scenario'}” includes {pending.code.length} piece{pending.code.length === 1 ? '' : 's'} of code that will run in this page’s
          simulator if you load it. Read it first; load it only if you trust where the link came from.
        </p>
        {pending.code.map((c) => (
          <div key={c.path}>
            <code>{c.path}</code>
            <pre data-testid="shared-code" tabIndex={0} aria-label="Code in the shared link">{c.code}</pre>
          </div>
        ))}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={reject}>
            Don’t load
          </button>
          <button type="button" className="btn btn-primary" onClick={() => void confirm()}>
            Load and run it
          </button>
        </div>
      </div>
    </div>
  );
}
