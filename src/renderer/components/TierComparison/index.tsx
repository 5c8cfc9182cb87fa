import { useMemo } from 'react';
import { capacityLevel, compareTiers, type Peak } from '../../../shared/analysis';
import { validateTopology } from '../../../shared/rules';
import { formatMemory, formatMoney, formatNumber } from '../../../shared/view/format';
import { useAnalysisUi } from '../../analysis/analysisStore';
import { useAppStore } from '../../store';

function PeakCell({ peak }: { peak: Peak | undefined }) {
  if (!peak) return <td>—</td>;
  return (
    <td className={`level--${capacityLevel(peak.ratio)}`} title={peak.host}>
      {Math.round(peak.ratio * 100)} % <small>{peak.host}</small>
    </td>
  );
}

/** Seed 002 §13 as a table: every tier's size, cost, busiest host and findings side by side. */
export function TierComparison() {
  const open = useAnalysisUi((s) => s.comparisonOpen);
  const topology = useAppStore((s) => s.topology);
  const tierId = useAppStore((s) => s.tierId);
  const setTier = useAppStore((s) => s.setTier);
  const rows = useMemo(() => (open && topology ? compareTiers(topology, validateTopology(topology)) : []), [open, topology]);
  if (!open || !topology) return null;
  return (
    <div className="tier-comparison" data-testid="tier-comparison" role="dialog" aria-label="Tier comparison">
      <table>
        <thead>
          <tr>
            <th>Tier</th>
            <th>Hosts</th>
            <th>vCPU</th>
            <th>Memory</th>
            <th>Cost / month</th>
            <th>Peak CPU req.</th>
            <th>Peak mem. req.</th>
            <th>Peak mem. limit</th>
            <th>Errors</th>
            <th>Warnings</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.tierId} className={row.tierId === tierId ? 'is-current' : undefined} data-testid={`tier-row-${row.tierId}`}>
              <td>
                <button type="button" className="btn btn--ghost" onClick={() => setTier(row.tierId)} title={row.customers}>
                  {row.name}
                </button>
              </td>
              <td>{row.hosts - row.standbyHosts}{row.standbyHosts ? ` + ${row.standbyHosts} standby` : ''}</td>
              <td>{formatNumber(row.cpu)}</td>
              <td>{formatMemory(row.memoryMiB)}</td>
              <td data-testid={`tier-cost-${row.tierId}`}>{row.costComplete ? '' : '≥ '}{formatMoney(row.monthlyCost, topology.currency)}</td>
              <PeakCell peak={row.peakCpuRequest} />
              <PeakCell peak={row.peakMemoryRequest} />
              <PeakCell peak={row.peakMemoryLimit} />
              <td className={row.findings.error > 0 ? 'level--error' : undefined}>{row.findings.error}</td>
              <td className={row.findings.warning > 0 ? 'level--warning' : undefined}>{row.findings.warning}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
