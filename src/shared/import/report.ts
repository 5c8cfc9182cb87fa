/** Something the importer could not represent, with where it was in the source. */
export interface ImportNote {
  /** Dotted path in the source, e.g. `services.web.cap_add`, or `line 12`. */
  where: string;
  message: string;
}

export function formatImportNote(note: ImportNote, file?: string): string {
  return `${file ? `${file}: ` : ''}${note.where}: ${note.message}`;
}
