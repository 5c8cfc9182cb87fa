import { useMemo, useState } from 'react';
import { fromCompose, mergeImported } from '../../../shared/import';
import { useTransferDialogs, type DroppedFile } from '../../commands/exportCommands';
import { useAppStore } from '../../store';
import { errorMessage } from '../../store/logic';
import { ImportNotes } from './ImportNotes';
import { openImported } from './openImported';

/** A docker-compose file as a new topology, or into a tier of the open one. */
export function ComposeImport({ initial }: { initial: DroppedFile | null }) {
  const close = useTransferDialogs((s) => s.close);
  const topology = useAppStore((s) => s.topology);
  const readOnly = useAppStore((s) => s.readOnly);
  const dirty = useAppStore((s) => s.dirty);
  const currentTier = useAppStore((s) => s.tierId);
  const notify = useAppStore((s) => s.notify);
  const editTopology = useAppStore((s) => s.editTopology);
  const [file, setFile] = useState<DroppedFile | null>(initial);
  const [hostName, setHostName] = useState('host-1');
  const canMerge = topology !== null && !readOnly;
  const [target, setTarget] = useState<'new' | 'current'>(canMerge && dirty ? 'current' : 'new');
  const [tierId, setTierId] = useState(currentTier ?? topology?.tiers[0]?.id ?? '');

  const result = useMemo(() => (file ? fromCompose(file.text, { hostName: hostName.trim() || 'host-1' }) : null), [file, hostName]);

  const pick = async (chosen: File | undefined) => {
    if (!chosen) return;
    try {
      setFile({ name: chosen.name, text: await chosen.text() });
    } catch (error) {
      notify('error', `${chosen.name}: cannot read: ${errorMessage(error)}`);
    }
  };

  const submit = () => {
    if (!result?.ok || !file) return;
    const count = plural(result.topology.services.length, 'service');
    try {
      if (target === 'new') {
        openImported(result.topology, `${file.name} (imported)`);
      } else {
        const merged = mergeImported(topology!, result.topology, tierId);
        editTopology(() => merged.topology);
        for (const note of merged.notes) notify('info', `${note.where}: ${note.message}`);
      }
      notify('success', `Imported ${count} from ${file.name}${result.notes.length ? `; ${result.notes.length} key(s) not represented` : ''}.`);
      close();
    } catch (error) {
      notify('error', `${file.name}: ${errorMessage(error)}`);
    }
  };

  return (
    <>
      <label className="field">
        <span>docker-compose file</span>
        <input type="file" accept=".yml,.yaml" onChange={(e) => void pick(e.target.files?.[0])} data-testid="import-compose-file" />
      </label>
      {file && file === initial ? (
        <p className="modal__note" data-testid="import-file-name">
          Dropped: {file.name}
        </p>
      ) : null}
      <label className="field">
        <span>Put every service on the host</span>
        <input type="text" value={hostName} onChange={(e) => setHostName(e.target.value)} data-testid="import-host-name" />
      </label>
      <fieldset className="import__target">
        <label className="export__radio">
          <input type="radio" name="import-target" checked={target === 'new'} disabled={dirty} onChange={() => setTarget('new')} data-testid="import-target-new" />
          A new topology{dirty ? ' (save the open one first)' : ''}
        </label>
        {topology === null ? null : (
        <label className="export__radio">
          <input type="radio" name="import-target" checked={target === 'current'} disabled={!canMerge} onChange={() => setTarget('current')} data-testid="import-target-current" />
          Into the open topology, tier
          <select value={tierId} disabled={!canMerge || target !== 'current'} onChange={(e) => setTierId(e.target.value)} data-testid="import-tier">
            {topology?.tiers.map((tier) => (
              <option key={tier.id} value={tier.id}>
                {tier.name}
              </option>
            ))}
          </select>
        </label>
        )}
      </fieldset>
      {result && !result.ok ? (
        <div className="export__error" role="alert" data-testid="import-error">
          {file?.name}: {result.error}
        </div>
      ) : null}
      {result?.ok ? (
        <>
          <p data-testid="import-summary">
            {plural(result.topology.services.length, 'service')}, {plural(result.topology.dependencies.length, 'dependency', 'dependencies')}, {plural(result.topology.planes.length, 'plane')}.
          </p>
          <ImportNotes notes={result.notes} file={file!.name} />
        </>
      ) : null}
      <div className="modal__actions">
        <button type="button" className="btn" onClick={close}>
          Cancel
        </button>
        <button type="button" className="btn btn--primary" disabled={!result?.ok || (target === 'new' && dirty)} onClick={submit} data-testid="import-submit">
          Import
        </button>
      </div>
    </>
  );
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
