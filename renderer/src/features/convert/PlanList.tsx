/**
 * The plans of a run, a page at a time: each lead, what it becomes, and whether Zoho would
 * take it. Clicking a row opens its plan.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { Segmented } from '../../components/Segmented';
import { formatCount } from '../../components/format';
import { useAppStore } from '../../store';
import { leftOutSentence } from '../../../../shared/domain/left-out';
import { PLAN_PAGE, type PlanItem } from '../../store/convert-slice';
import { targetOrigin } from './target-origin';

function side(s: PlanItem['contact'], none: string): ReactNode {
  if (s === null) return <span className="muted">{none}</span>;
  return (
    <span>
      <span className={`action action-${s.action}`}>{s.action === 'merge' ? 'into' : 'new'}</span> {s.name}
      {s.action === 'merge' && targetOrigin(s.source ?? null) !== null && <span className="picker-sub">{targetOrigin(s.source ?? null)}</span>}
    </span>
  );
}

function result(p: PlanItem): ReactNode {
  if (p.simulation !== null) return <span className="badge badge-sim">simulated #{p.simulation}</span>;
  if (p.status === 'ready') return <span className="badge badge-ready">ready</span>;
  return (
    <span className="plan-refusal" title={p.firstProblem ?? undefined}>
      {p.codes.map((c) => (
        <code key={c} className="error-code">
          {c}
        </code>
      ))}
    </span>
  );
}

/** The list. */
export function PlanList(): ReactNode {
  const run = useAppStore((s) => s.convert.run);
  const plans = useAppStore((s) => s.convert.plans);
  const filter = useAppStore((s) => s.convert.filter);
  const setFilter = useAppStore((s) => s.setPlanFilter);
  const load = useAppStore((s) => s.loadPlans);
  const open = useAppStore((s) => s.openPlan);
  const activeKey = useAppStore((s) => s.convert.active?.plan.lead.key ?? null);
  const ref = useRef<HTMLElement>(null);
  const runId = run?.run ?? null;
  // A new run's plans are what the user wants to see next; bring them into view.
  useEffect(() => {
    if (runId !== null) ref.current?.scrollIntoView({ block: 'start' });
  }, [runId]);
  if (run === null) return null;
  const codes = Object.entries(run.codes);

  return (
    <section className="convert-step" aria-labelledby="plans-step" ref={ref}>
      <h3 id="plans-step" className="step-title">
        3. Plans
      </h3>
      <p className="run-summary">
        <strong>{formatCount(run.leads)}</strong> {run.leads === 1 ? 'lead' : 'leads'}: <strong className="ok-text">{formatCount(run.ready)} ready</strong>,{' '}
        <strong className={run.refused > 0 ? 'bad-text' : undefined}>{formatCount(run.refused)} refused</strong>
        {codes.length > 0 && <span className="muted"> ({codes.map(([c, n]) => `${c} ${n}`).join(', ')})</span>}
        {run.simulated > 0 && <span>, {formatCount(run.simulated)} simulated</span>}
      </p>
      {leftOutSentence(run.leftOut) !== '' && (
        <p className="notice notice-info" role="note">
          {leftOutSentence(run.leftOut)}
        </p>
      )}
      <Segmented
        label="Show"
        options={[
          { value: 'all', label: 'All' },
          { value: 'ready', label: 'Ready' },
          { value: 'refused', label: 'Refused' },
          { value: 'simulated', label: 'Simulated' },
        ]}
        value={filter}
        onChange={setFilter}
      />
      <div className="table-scroll">
        <table className="plan-table" aria-label="Conversion plans">
          <thead>
            <tr>
              <th scope="col">Lead</th>
              <th scope="col">Contact</th>
              <th scope="col">Account</th>
              <th scope="col">Deal</th>
              <th scope="col">Zoho would</th>
            </tr>
          </thead>
          <tbody>
            {plans.items.map((p) => (
              <tr key={p.key} className={p.key === activeKey ? 'is-active' : undefined}>
                <td>
                  <button type="button" className="link-button plan-lead" onClick={() => void open(p.key)}>
                    {p.name}
                  </button>
                  {p.company && <span className="picker-sub">{p.company}</span>}
                </td>
                <td>{side(p.contact, '—')}</td>
                <td>{side(p.account, 'no account')}</td>
                <td>{p.deal ? <span><span className="action action-create">new</span> {p.deal.name}</span> : <span className="muted">no deal</span>}</td>
                <td>{result(p)}</td>
              </tr>
            ))}
            {plans.items.length === 0 && plans.status === 'ready' && (
              <tr>
                <td colSpan={5} className="muted">
                  No plan in this view.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {plans.total > PLAN_PAGE && (
        <div className="picker-pager">
          <button type="button" className="button button-small" disabled={plans.offset === 0} onClick={() => void load(Math.max(0, plans.offset - PLAN_PAGE))}>
            Previous
          </button>
          <span className="muted">
            {formatCount(plans.offset + 1)}–{formatCount(Math.min(plans.total, plans.offset + PLAN_PAGE))} of {formatCount(plans.total)}
          </span>
          <button type="button" className="button button-small" disabled={plans.offset + PLAN_PAGE >= plans.total} onClick={() => void load(plans.offset + PLAN_PAGE)}>
            Next
          </button>
        </div>
      )}
    </section>
  );
}
