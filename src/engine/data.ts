// Documents: a dataset is plain text, one document per line.

// #region documents
/** Split text into documents: one per line, surrounding whitespace trimmed, blank lines dropped. */
export function parseDocuments(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
}
// #endregion documents
