import { useState, type FormEvent } from 'react';
import { customFlavor } from '../../../shared/catalog';
import { useAppStore } from '../../store';

/** A user's own host size (a home server, another provider), kept with the app's preferences. */
export function CustomFlavorForm({ onDone }: { onDone: () => void }) {
  const addCustomFlavor = useAppStore((s) => s.addCustomFlavor);
  const currency = useAppStore((s) => s.topology?.currency ?? 'EUR');
  const [fields, setFields] = useState({ provider: '', flavor: '', cpu: '2', memoryGiB: '4', diskGiB: '40', monthlyCost: '0' });
  const [error, setError] = useState<string | null>(null);
  const field = (name: keyof typeof fields, label: string, unit?: string) => (
    <label className="palette__field">
      <span>{label}</span>
      <input value={fields[name]} onChange={(e) => setFields({ ...fields, [name]: e.target.value })} data-testid={`flavor-${name}`} />
      {unit ? <span className="palette__unit">{unit}</span> : null}
    </label>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    try {
      addCustomFlavor(
        customFlavor({
          provider: fields.provider,
          flavor: fields.flavor,
          cpu: Number(fields.cpu),
          memoryMiB: Math.round(Number(fields.memoryGiB) * 1024),
          diskGiB: Number(fields.diskGiB),
          monthlyCost: Number(fields.monthlyCost),
          currency,
        }),
      );
      onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <form className="palette__form" onSubmit={submit} data-testid="flavor-form">
      {field('provider', 'Provider')}
      {field('flavor', 'Name')}
      {field('cpu', 'CPU', 'vCPU')}
      {field('memoryGiB', 'Memory', 'GiB')}
      {field('diskGiB', 'Disk', 'GiB')}
      {field('monthlyCost', 'Price', `${currency}/mo`)}
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      <div className="palette__actions">
        <button type="button" className="btn btn--ghost" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn--primary" data-testid="flavor-submit">
          Add flavor
        </button>
      </div>
    </form>
  );
}
