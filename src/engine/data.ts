// Documents: a dataset is plain text, one document per line.

// #region documents
/** Python's whitespace (str.isspace): what microgpt's line.strip() removes from both ends. */
const space = new Set('\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000');

/** Python's str.strip(). JavaScript's trim() differs: it also drops a byte-order mark and keeps \x1c–\x1f and \x85. */
function strip(line: string): string {
  let start = 0;
  let end = line.length;
  while (start < end && space.has(line[start])) start++;
  while (end > start && space.has(line[end - 1])) end--;
  return line.slice(start, end);
}

/** The lines of a text: a line ends at \n, \r\n or a lone \r, as in a Python text file. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Split text into documents: one per line, surrounding whitespace stripped, blank lines dropped. */
export function parseDocuments(text: string): string[] {
  return splitLines(text).map(strip).filter((line) => line.length > 0);
}
// #endregion documents
