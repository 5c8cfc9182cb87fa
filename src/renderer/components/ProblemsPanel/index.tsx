import { useMemo } from 'react';
import { applyQuickFix, countBySeverity, RULES_BY_ID, sortFindings, type Finding } from '../../../shared/rules';
import { useAnalysisUi, type OverlayMode } from '../../analysis/analysisStore';
import { useWhatIf } from '../../analysis/CanvasOverlay';
import { useFindings } from '../../analysis/useFindings';
import { useRevealFinding } from '../../analysis/useReveal';
import { useAppStore } from '../../store';

/**
 * The problems panel: every finding for the document and the tier on the canvas, worst
 * first. Clicking one selects and reveals what it points at; "Fix" applies the rule's quick
 * fix as one undoable edit. The header switches the canvas overlays.
 */
export function ProblemsPanel() {
  const findings = useFindings();
  const open = useAnalysisUi((s) => s.problemsOpen);
  const toggle = useAnalysisUi((s) => s.toggleProblems);
  const sorted = useMemo(() => sortFindings(findings), [findings]);
  const counts = countBySeverity(findings);
  return (
    <section className="problems" data-testid="problems-panel" aria-label="Problems" data-count={findings.length}>
      <header className="problems__head">
        <button type="button" className="btn btn--ghost problems__title" onClick={toggle} aria-expanded={open} data-testid="problems-toggle">
          Problems{' '}
          <span className="problems__count--error" data-testid="problems-errors">
            {counts.error} errors
          </span>{' '}
          ·{' '}
          <span className="problems__count--warning" data-testid="problems-warnings">
            {counts.warning} warnings
          </span>{' '}
          · {counts.info} info
        </button>
        <OverlaySwitch />
      </header>
      {open ? <WhatIfSummary /> : null}
      {open ? <FindingList findings={sorted} /> : null}
    </section>
  );
}

const MODES: { mode: OverlayMode; label: string; title: string }[] = [
  { mode: 'cold-start', label: 'Cold start', title: 'Number every service by the phase it starts in after a full power loss (seed 002 §10 F)' },
  { mode: 'what-if', label: 'What if it fails', title: 'Grey out what goes down with the selected host or service; dashed: what degrades' },
];

function OverlaySwitch() {
  const overlay = useAnalysisUi((s) => s.overlay);
  const setOverlay = useAnalysisUi((s) => s.setOverlay);
  const setComparisonOpen = useAnalysisUi((s) => s.setComparisonOpen);
  const comparisonOpen = useAnalysisUi((s) => s.comparisonOpen);
  return (
    <>
      {MODES.map(({ mode, label, title }) => (
        <button
          key={mode}
          type="button"
          className={overlay === mode ? 'btn btn--primary' : 'btn'}
          aria-pressed={overlay === mode}
          title={title}
          data-testid={`overlay-${mode}`}
          onClick={() => setOverlay(overlay === mode ? 'none' : mode)}
        >
          {label}
        </button>
      ))}
      <button type="button" className={comparisonOpen ? 'btn btn--primary' : 'btn'} aria-pressed={comparisonOpen} data-testid="compare-tiers" onClick={() => setComparisonOpen(!comparisonOpen)}>
        Compare tiers
      </button>
    </>
  );
}

function WhatIfSummary() {
  const overlay = useAnalysisUi((s) => s.overlay);
  const radius = useWhatIf();
  if (overlay !== 'what-if') return null;
  if (!radius) return <div className="whatif-summary">Select a host or a service to see what fails with it.</div>;
  return (
    <div className="whatif-summary" data-testid="whatif-summary">
      If {radius.target.id} fails: {radius.down.length} down, {radius.degraded.length} degraded
      {radius.otherHostsHit.length > 0 ? `, spreading to ${radius.otherHostsHit.join(', ')}` : ''}.
    </div>
  );
}

function FindingList({ findings }: { findings: readonly Finding[] }) {
  const reveal = useRevealFinding();
  const editTopology = useAppStore((s) => s.editTopology);
  const readOnly = useAppStore((s) => s.readOnly);
  if (findings.length === 0) return <p className="problems__empty">No problems found in this tier.</p>;
  return (
    <ul className="problems__list">
      {findings.map((finding, i) => (
        <li key={`${finding.rule}:${finding.message}`} className="problem" data-testid={`problem-${i}`} data-rule={finding.rule} data-severity={finding.severity}>
          <span className={`problem__dot problem__dot--${finding.severity}`} aria-label={finding.severity} />
          <button type="button" className="problem__main" onClick={() => reveal(finding)} title={RULES_BY_ID.get(finding.rule)?.why}>
            <span className="problem__message">{finding.message}</span>
            <span className="problem__rule">{RULES_BY_ID.get(finding.rule)?.title ?? finding.rule}</span>
          </button>
          {finding.fix !== undefined && !readOnly ? (
            <button type="button" className="btn" title={finding.fix} data-testid="problem-fix" onClick={() => editTopology((t) => applyQuickFix(t, finding) ?? t)}>
              Fix
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
