/**
 * Lead conversion: the leads, the options, the plans with their refusals and fixes, and the
 * actions on them (simulate, write requests).
 */
import { useState, type ReactNode } from 'react';
import { formatCount } from '../../components/format';
import { useAppStore } from '../../store';
import { ConvertOptionsForm } from './ConvertOptionsForm';
import { LeadSourcePicker } from './LeadSourcePicker';
import { PlanDetailPanel } from './PlanDetailPanel';
import { PlanList } from './PlanList';
import { WriteRequestsDialog } from './WriteRequestsDialog';

/** The leads side of the Convert area. */
export function LeadsPanel(): ReactNode {
  const pick = useAppStore((s) => s.convert.pick);
  const run = useAppStore((s) => s.convert.run);
  const busy = useAppStore((s) => s.convert.busy !== null);
  const plan = useAppStore((s) => s.planConversions);
  const simulate = useAppStore((s) => s.simulateConversions);
  const [writing, setWriting] = useState(false);
  const canPlan = pick.source === 'batch' ? pick.batch !== null : pick.all || pick.ids.length > 0;
  const readyLeft = run ? run.ready - run.simulated : 0;

  return (
    <div className="convert-columns">
      <div className="convert-main">
        <LeadSourcePicker />
        <ConvertOptionsForm />
        <div className="button-row">
          <button type="button" className="button button-primary" disabled={!canPlan || busy} onClick={() => void plan()}>
            Plan conversions
          </button>
          {run && (
            <>
              <button type="button" className="button" disabled={busy || readyLeft <= 0} onClick={() => void simulate(null)}>
                Simulate {formatCount(Math.max(0, readyLeft))} ready in the replica
              </button>
              <button type="button" className="button" disabled={busy || run.ready === 0} onClick={() => setWriting(true)}>
                Write request files…
              </button>
            </>
          )}
        </div>
        <PlanList />
      </div>
      <PlanDetailPanel />
      {writing && <WriteRequestsDialog kind="leads" onClose={() => setWriting(false)} />}
    </div>
  );
}
