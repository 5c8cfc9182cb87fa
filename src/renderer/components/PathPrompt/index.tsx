import { useState, type FormEvent } from 'react';
import { useAppStore } from '../../store';

/** Asks for a file path in the page, where there is no native dialog (the browser). */
export function PathPrompt() {
  const prompt = useAppStore((s) => s.pathPrompt);
  const path = useAppStore((s) => s.path);
  if (!prompt) return null;
  // A key per prompt gives each a fresh input.
  return <PathPromptDialog key={prompt} kind={prompt} initial={prompt === 'saveAs' ? (path ?? '') : ''} />;
}

function PathPromptDialog({ kind, initial }: { kind: 'open' | 'saveAs'; initial: string }) {
  const [value, setValue] = useState(initial);
  const close = useAppStore((s) => s.closePathPrompt);
  const openFile = useAppStore((s) => s.openFile);
  const saveAs = useAppStore((s) => s.saveAs);
  const busy = useAppStore((s) => s.busy);
  const isOpen = kind === 'open';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const path = value.trim();
    if (!path) return;
    void (isOpen ? openFile(path) : saveAs(path));
  };
  return (
    <div className="modal" role="presentation" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <form className="modal__box" role="dialog" aria-modal="true" aria-labelledby="path-prompt-title" onSubmit={submit} data-testid={isOpen ? 'open-dialog' : 'save-as-dialog'}>
        <h2 id="path-prompt-title">{isOpen ? 'Open a file' : 'Save as'}</h2>
        <label className="field">
          <span>Path of a .stackdraft.yaml file</span>
          <input
            autoFocus
            type="text"
            spellCheck={false}
            placeholder="/home/me/infra/platform.stackdraft.yaml"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && close()}
            data-testid={isOpen ? 'open-path-input' : 'save-as-input'}
          />
        </label>
        <div className="modal__actions">
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="btn btn--primary" disabled={!value.trim() || busy !== null} data-testid={isOpen ? 'open-path-submit' : 'save-as-submit'}>
            {isOpen ? 'Open' : 'Save'}
          </button>
        </div>
      </form>
    </div>
  );
}
