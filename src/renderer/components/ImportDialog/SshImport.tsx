import { useEffect, useState } from 'react';
import { addSshHosts } from '../../../shared/import';
import type { SshConfigImport } from '../../../shared/ipc';
import { useTransferDialogs } from '../../commands/exportCommands';
import { call } from '../../ipc/client';
import { useAppStore } from '../../store';
import { errorMessage } from '../../store/logic';
import { ImportNotes } from './ImportNotes';

/** Hosts from ~/.ssh/config (read by main) into a tier of the open topology. */
export function SshImport() {
  const close = useTransferDialogs((s) => s.close);
  const topology = useAppStore((s) => s.topology);
  const readOnly = useAppStore((s) => s.readOnly);
  const currentTier = useAppStore((s) => s.tierId);
  const notify = useAppStore((s) => s.notify);
  const editTopology = useAppStore((s) => s.editTopology);
  const [read, setRead] = useState<SshConfigImport | { error: string } | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [tierId, setTierId] = useState(currentTier ?? topology?.tiers[0]?.id ?? '');

  useEffect(() => {
    let current = true;
    call('import.sshConfig', {}).then(
      (answer) => {
        if (!current) return;
        setRead(answer);
        setChosen(new Set(answer.hosts.map((h) => h.alias)));
      },
      (error: unknown) => current && setRead({ error: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, []);

  if (!topology || readOnly) return <p className="modal__note">Open (or import) a topology you can edit first: hosts are added to one of its tiers.</p>;
  if (read === null) return <p className="modal__note">Reading ~/.ssh/config…</p>;
  if ('error' in read) {
    return (
      <div className="export__error" role="alert" data-testid="import-error">
        {read.error}
      </div>
    );
  }
  const toggle = (alias: string) => setChosen((was) => (was.has(alias) ? new Set([...was].filter((a) => a !== alias)) : new Set([...was, alias])));
  const submit = () => {
    try {
      const added = addSshHosts(topology, tierId, read.hosts.filter((h) => chosen.has(h.alias)));
      editTopology(() => added.topology);
      const skipped = added.notes.filter((n) => /skipped/.test(n.message));
      for (const note of skipped) notify('info', `${note.where}: ${note.message}`);
      notify('success', `Added ${chosen.size - skipped.length} host(s) from ${read.path}; set their real sizes in the inspector.`);
      close();
    } catch (error) {
      notify('error', errorMessage(error));
    }
  };
  return (
    <>
      <p className="modal__note">From {read.path}</p>
      <ul className="import__hosts" data-testid="ssh-hosts">
        {read.hosts.map((host) => (
          <li key={host.alias}>
            <label className="export__check">
              <input type="checkbox" checked={chosen.has(host.alias)} onChange={() => toggle(host.alias)} data-testid={`ssh-host-${host.alias}`} />
              <strong>{host.alias}</strong> {host.user ? `${host.user}@` : ''}
              {host.address}
              {host.port ? `:${host.port}` : ''}
            </label>
          </li>
        ))}
      </ul>
      <label className="field">
        <span>Add to tier</span>
        <select value={tierId} onChange={(e) => setTierId(e.target.value)} data-testid="ssh-tier">
          {topology.tiers.map((tier) => (
            <option key={tier.id} value={tier.id}>
              {tier.name}
            </option>
          ))}
        </select>
      </label>
      <ImportNotes notes={read.notes} file={read.path} />
      <div className="modal__actions">
        <button type="button" className="btn" onClick={close}>
          Cancel
        </button>
        <button type="button" className="btn btn--primary" disabled={chosen.size === 0} onClick={submit} data-testid="ssh-import-submit">
          Add {chosen.size} host{chosen.size === 1 ? '' : 's'}
        </button>
      </div>
    </>
  );
}
