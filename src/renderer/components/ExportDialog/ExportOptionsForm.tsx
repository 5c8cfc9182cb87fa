import type { Topology } from '../../../shared/model';
import { EXPORT_FORMATS, type ExportFormat, type ExportOptions } from './output';

interface Props {
  topology: Topology;
  options: ExportOptions;
  onChange(options: ExportOptions): void;
  /** Compose: the hosts that get a file, in order. */
  hosts?: string[];
}

/** Which options matter for which format: the others are hidden, not just disabled. */
const USES: Record<ExportFormat, { grouping?: boolean; direction?: boolean; externals?: boolean; theme?: boolean; host?: boolean; scope?: boolean }> = {
  mermaid: { grouping: true, direction: true, externals: true, theme: true },
  gantt: { theme: true },
  svg: { grouping: true, theme: true },
  png: { grouping: true, theme: true },
  compose: { host: true },
  report: { scope: true },
};

export function ExportOptionsForm({ topology, options, onChange, hosts }: Props) {
  const set = <K extends keyof ExportOptions>(key: K, value: ExportOptions[K]) => onChange({ ...options, [key]: value });
  const uses = USES[options.format];
  return (
    <form className="export__options" onSubmit={(e) => e.preventDefault()} data-testid="export-options">
      <fieldset className="export__formats">
        <legend>Format</legend>
        {EXPORT_FORMATS.map((format) => (
          <label key={format.id} className="export__radio">
            <input type="radio" name="export-format" checked={options.format === format.id} onChange={() => set('format', format.id)} data-testid={`export-format-${format.id}`} />
            {format.label}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>Tier</span>
        <select value={options.tierId} onChange={(e) => set('tierId', e.target.value)} data-testid="export-tier">
          {topology.tiers.map((tier) => (
            <option key={tier.id} value={tier.id}>
              {tier.name}
            </option>
          ))}
        </select>
      </label>
      {uses.scope ? (
        <label className="export__check">
          <input type="checkbox" checked={options.reportScope === 'all'} onChange={(e) => set('reportScope', e.target.checked ? 'all' : 'tier')} data-testid="export-all-tiers" />
          Every tier, with a comparison
        </label>
      ) : null}
      {uses.grouping ? (
        <label className="field">
          <span>Group by</span>
          <select value={options.groupBy} onChange={(e) => set('groupBy', e.target.value as ExportOptions['groupBy'])} data-testid="export-group-by">
            <option value="host">Host</option>
            <option value="plane">Plane</option>
          </select>
        </label>
      ) : null}
      {uses.direction ? (
        <label className="field">
          <span>Direction</span>
          <select value={options.direction} onChange={(e) => set('direction', e.target.value as ExportOptions['direction'])} data-testid="export-direction">
            <option value="TB">Top to bottom</option>
            <option value="LR">Left to right</option>
            <option value="BT">Bottom to top</option>
            <option value="RL">Right to left</option>
          </select>
        </label>
      ) : null}
      {uses.externals ? (
        <label className="export__check">
          <input type="checkbox" checked={options.includeExternal} onChange={(e) => set('includeExternal', e.target.checked)} data-testid="export-externals" />
          Include external services
        </label>
      ) : null}
      {uses.theme ? (
        <label className="field">
          <span>Colours</span>
          <select value={options.theme} onChange={(e) => set('theme', e.target.value as ExportOptions['theme'])} data-testid="export-theme">
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
      ) : null}
      {uses.host && hosts && hosts.length > 0 ? (
        <label className="field">
          <span>Host</span>
          <select value={Math.min(options.composeHost, hosts.length - 1)} onChange={(e) => set('composeHost', Number(e.target.value))} data-testid="export-host">
            {hosts.map((host, i) => (
              <option key={host} value={i}>
                {host}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </form>
  );
}
