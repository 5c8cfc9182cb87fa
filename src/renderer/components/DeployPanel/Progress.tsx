import { useEffect, useRef } from 'react';
import { useAppStore } from '../../store';
import { useElapsed } from '.';

/** The running (or finished) deploy: phase, elapsed time, one row per container, the log. */
export function Progress() {
  const stage = useAppStore((s) => s.deployStage);
  const phase = useAppStore((s) => s.deployPhase);
  const startedAt = useAppStore((s) => s.deployStartedAt);
  const progress = useAppStore((s) => s.deployProgress);
  const log = useAppStore((s) => s.deployLog);
  const report = useAppStore((s) => s.deployReport);
  const elapsed = useElapsed(startedAt, stage === 'applying');
  const logEnd = useRef<HTMLDivElement>(null);
  useEffect(() => {
    logEnd.current?.scrollIntoView?.({ block: 'end' });
  }, [log.length]);

  return (
    <section className="deploy-progress" data-testid="deploy-progress">
      <p>
        <span data-testid="deploy-phase">{phase ?? 'preparing…'}</span> · <span data-testid="deploy-elapsed">{elapsed.toFixed(0)} s</span>
      </p>
      <table>
        <tbody>
          {Object.entries(progress).map(([key, p]) => (
            <tr key={key} data-testid="deploy-service" data-service={p.service} data-step={p.step}>
              <td>
                <span className={`deploy-dot deploy-dot--${p.step}`} aria-hidden />
              </td>
              <td>{p.host}</td>
              <td>{p.name}</td>
              <td title={p.message}>{p.step}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report ? (
        <div className="deploy-report" data-testid="deploy-report" data-outcome={report.outcome}>
          <strong>{report.outcome}</strong> in {(report.durationMs / 1000).toFixed(1)} s{report.error ? `: ${report.error}` : ''}
          {report.hosts.map((h) => (
            <div key={h.host}>
              {h.host}: {h.outcome} — {h.containers.map((c) => `${c.name} ${c.state}${c.health ? ` (${c.health})` : ''}`).join(', ') || 'no containers'}
              {h.notes.map((n) => (
                <div key={n} className="muted">
                  {n}
                </div>
              ))}
            </div>
          ))}
        </div>
      ) : null}
      <div className="deploy-log" data-testid="deploy-log">
        {log.map((line, i) => (
          <div key={i}>{line}</div>
        ))}
        <div ref={logEnd} />
      </div>
    </section>
  );
}
