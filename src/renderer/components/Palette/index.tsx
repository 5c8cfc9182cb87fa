import { useMemo, useState, type DragEvent } from 'react';
import { HOST_FLAVORS, SERVICE_TEMPLATES, type HostFlavor } from '../../../shared/catalog';
import { formatMemory, formatMoney, formatNumber } from '../../../shared/view/format';
import { kindLook } from '../../canvas/kinds';
import { useAppStore, type PaletteItem } from '../../store';
import { Icon } from '../Icon';
import { writePaletteItem } from './dnd';
import { CustomFlavorForm } from './CustomFlavorForm';
import './palette.css';

/** Drag onto the canvas (services into a host) or click to add: services, hosts by flavor, planes. */
export function Palette() {
  const readOnly = useAppStore((s) => s.readOnly);
  const customFlavors = useAppStore((s) => s.customFlavors);
  const addFromPalette = useAppStore((s) => s.addFromPalette);
  const [filter, setFilter] = useState('');
  const [addingFlavor, setAddingFlavor] = useState(false);
  const needle = filter.trim().toLowerCase();
  const templates = useMemo(() => SERVICE_TEMPLATES.filter((t) => `${t.label} ${t.kind} ${t.service.image ?? ''}`.toLowerCase().includes(needle)), [needle]);
  const flavors = useMemo(
    () => [...HOST_FLAVORS, ...customFlavors].filter((f) => `${f.provider} ${f.flavor}`.toLowerCase().includes(needle)),
    [needle, customFlavors],
  );
  const providers = [...new Set(flavors.map((f) => f.provider))];

  const item = (key: string, what: PaletteItem, icon: Parameters<typeof Icon>[0]['name'], label: string, detail: string) => (
    <button
      key={key}
      type="button"
      className="palette__item"
      draggable={!readOnly}
      disabled={readOnly}
      data-testid={`palette-${key}`}
      onDragStart={(event: DragEvent) => writePaletteItem(event.dataTransfer, what)}
      onClick={() => addFromPalette(what)}
      title={`${label}: drag onto the canvas${what.kind === 'service' ? ' or into a host' : ''}, or click to add`}
    >
      <Icon name={icon} size={15} />
      <span className="palette__label">{label}</span>
      <span className="palette__detail">{detail}</span>
    </button>
  );

  return (
    <aside className="palette" data-testid="palette" aria-label="Palette">
      <input className="palette__filter" placeholder="Filter…" value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="palette-filter" />
      <section>
        <h3>Services</h3>
        {templates.map((t) => item(`service-${t.id}`, { kind: 'service', templateId: t.id }, kindLook(t.kind).icon, t.label, t.service.image?.split('/').at(-1) ?? kindLook(t.kind).label))}
      </section>
      <section>
        <h3>Hosts</h3>
        {providers.map((provider) => (
          <div key={provider} className="palette__provider">
            <h4>{provider}</h4>
            {flavors.filter((f) => f.provider === provider).map((f) => item(`host-${f.id.replace('/', '-')}`, { kind: 'host', flavorId: f.id }, 'host', f.flavor, flavorDetail(f)))}
          </div>
        ))}
        {addingFlavor ? (
          <CustomFlavorForm onDone={() => setAddingFlavor(false)} />
        ) : (
          <button type="button" className="palette__add" onClick={() => setAddingFlavor(true)} data-testid="palette-add-flavor" disabled={readOnly}>
            + Your own flavor…
          </button>
        )}
      </section>
      <section>
        <h3>Groups</h3>
        {item('plane', { kind: 'plane' }, 'box', 'Plane', 'a group with a colour')}
      </section>
    </aside>
  );
}

function flavorDetail(f: HostFlavor): string {
  return `${formatNumber(f.cpu)} vCPU · ${formatMemory(f.memoryMiB)} · ${formatMoney(f.monthlyCost, f.currency)}`;
}
