import { useAppStore } from '../../store';
import { Icon } from '../Icon';
import { LoadErrors } from '../LoadErrors';

/** What shows when nothing is open: the examples, recent files and Open. */
export function StartScreen() {
  const examples = useAppStore((s) => s.examples);
  const recent = useAppStore((s) => s.recent);
  const busy = useAppStore((s) => s.busy);
  const nativeDialogs = useAppStore((s) => s.appInfo?.nativeDialogs ?? false);
  const openExample = useAppStore((s) => s.openExample);
  const openFile = useAppStore((s) => s.openFile);
  const requestOpen = useAppStore((s) => s.requestOpen);

  return (
    <main className="start" data-testid="start-screen">
      <div className="start__inner">
        <section className="start__hero">
          <h1>Draw your deployment, see whether it fits.</h1>
          <p className="muted">
            Hosts, planes, services and their dependencies, with CPU and memory caps, for every tier you plan to run. Open a topology file or start from
            an example.
          </p>
          <button type="button" className="btn btn--primary btn--large" data-testid="start-open-button" onClick={requestOpen} disabled={busy !== null}>
            <Icon name="folder" />
            Open file…
          </button>
          {!nativeDialogs ? <p className="muted small">In the browser you type the path of a .stackdraft.yaml file on this machine.</p> : null}
        </section>

        <LoadErrors />

        <div className="start__columns">
          <section className="start__section" aria-labelledby="examples-title">
            <h2 id="examples-title">Examples</h2>
            {examples.length === 0 ? <p className="muted">No examples found.</p> : null}
            <ul className="cards" data-testid="example-list">
              {examples.map((example) => (
                <li key={example.id}>
                  <button type="button" className="card card--button" data-testid={`example-${example.id}`} onClick={() => void openExample(example.id)} disabled={busy !== null}>
                    <span className="card__title">{example.name}</span>
                    <span className="card__text">{example.description}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>

          <section className="start__section" aria-labelledby="recent-title">
            <h2 id="recent-title">Recent files</h2>
            {recent.length === 0 ? <p className="muted">Files you open or save appear here.</p> : null}
            <ul className="recent" data-testid="recent-list">
              {recent.map((file) => (
                <li key={file.path}>
                  <button type="button" className="recent__item" data-testid="recent-file" data-path={file.path} onClick={() => void openFile(file.path)} disabled={busy !== null} title={file.path}>
                    <Icon name="file" />
                    <span className="recent__name">{file.name}</span>
                    <span className="recent__path">{file.path}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>
    </main>
  );
}
