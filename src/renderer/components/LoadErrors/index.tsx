import { formatProblem } from '../../../shared/format/errors';
import { useAppStore } from '../../store';
import { Icon } from '../Icon';

/** Why a file could not be opened: every problem with its line, column and field. */
export function LoadErrors() {
  const failure = useAppStore((s) => s.loadFailure);
  const dismiss = useAppStore((s) => s.dismissLoadFailure);
  if (!failure) return null;
  const fileName = failure.path.split(/[\\/]/).pop() ?? failure.path;
  return (
    <section className="load-errors" data-testid="load-errors" role="alert">
      <header className="load-errors__head">
        <Icon name="alert" size={18} />
        <div>
          <h2>Cannot open {fileName}</h2>
          <p className="load-errors__path">{failure.path}</p>
        </div>
        <button type="button" className="btn btn--ghost" data-testid="load-errors-dismiss" onClick={dismiss} aria-label="Dismiss">
          <Icon name="close" />
        </button>
      </header>
      <p className="load-errors__intro">Nothing was opened and the file was not changed. Fix these and open it again:</p>
      <ol className="load-errors__list">
        {failure.problems.map((problem, index) => (
          <li key={index} className="load-errors__item" data-testid="load-error-item" title={formatProblem(problem, fileName)}>
            <span className="load-errors__where">
              {problem.line !== undefined ? `line ${problem.line}${problem.column !== undefined ? `, col ${problem.column}` : ''}` : 'file'}
            </span>
            {problem.field ? <code className="load-errors__field">{problem.field}</code> : null}
            <span className="load-errors__message">{problem.message}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
