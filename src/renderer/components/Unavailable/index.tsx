import { NO_TRANSPORT_MESSAGE } from '../../ipc/transport';
import { Icon } from '../Icon';

/** Shown when neither Electron's preload nor the WebSocket bridge is there. */
export function Unavailable({ reason }: { reason: string | undefined }) {
  return (
    <main className="unavailable" data-testid="unavailable">
      <div className="card">
        <h1>
          <Icon name="alert" size={20} /> Stackdraft is not connected
        </h1>
        <p data-testid="unavailable-reason">{reason ?? NO_TRANSPORT_MESSAGE}</p>
        <pre>npm run dev:web</pre>
        <p className="muted">The address carries the bridge port and a one-time token after “#”; a page opened without them cannot reach the app.</p>
      </div>
    </main>
  );
}
