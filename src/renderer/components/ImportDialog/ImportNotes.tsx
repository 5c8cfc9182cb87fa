import { formatImportNote, type ImportNote } from '../../../shared/import';

/** The import report: every key or line that could not be represented, with where it was. */
export function ImportNotes({ notes, file }: { notes: ImportNote[]; file: string }) {
  if (notes.length === 0) return <p className="modal__note" data-testid="import-report">Everything in {file} was imported.</p>;
  return (
    <div className="import__report" data-testid="import-report">
      <p>
        {notes.length} thing{notes.length === 1 ? '' : 's'} in {file} {notes.length === 1 ? 'is' : 'are'} not represented:
      </p>
      <ul>
        {notes.map((note, i) => (
          <li key={i} data-testid="import-note">
            {formatImportNote(note)}
          </li>
        ))}
      </ul>
    </div>
  );
}
